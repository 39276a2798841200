// One HTTP server for every surface: health routes, the local ask route, and whatever the adapters mount.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Brain } from './brain.ts';
import type { Config } from './config.ts';
import { toJsonAnswer } from './core/render-text.ts';
import { listFeedback } from './feedback.ts';
import { HttpError, type HttpMount, isLocalRequest, readBody, sendJson as send } from './http.ts';
import { createLogger, type Logger } from './log.ts';

export interface RunningServer {
  server: Server;
  url: string;
  brain: Brain;
  close(): Promise<void>;
}

export interface ServerOptions {
  brain: Brain;
  mounts?: HttpMount[];
  logger?: Logger;
}

export async function startServer(config: Config, options: ServerOptions): Promise<RunningServer> {
  const { brain, mounts = [] } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') return send(res, 200, { ok: true });
    const mount = mounts.find((m) => m.method === req.method && m.path === path);
    if (mount) return mount.handle(req, res);
    if (req.method === 'GET' && path === '/readyz') {
      const storeOk = await brain.store.ping().catch(() => false);
      const checks: Record<string, string> = { store: storeOk ? 'reachable' : 'unreachable' };
      let ok = storeOk;
      for (const m of mounts) {
        if (!m.ready) continue;
        const ready = await Promise.resolve(m.ready()).catch(() => false);
        checks[m.name] = ready ? 'ready' : 'not ready';
        ok &&= ready;
      }
      return send(res, ok ? 200 : 503, { ok, ...checks });
    }
    if (req.method === 'GET' && path === '/api/feedback') {
      // Operators read feedback from the machine the bot runs on; it is not exposed beyond loopback.
      if (!isLocalRequest(req)) return send(res, 403, { error: 'local requests only' });
      return send(res, 200, await listFeedback(brain.store));
    }
    if (req.method === 'POST' && path === '/api/ask') {
      // Local try-out endpoint, loopback only: it has no platform authentication.
      if (!isLocalRequest(req)) return send(res, 403, { error: 'local requests only' });
      let payload: unknown;
      try {
        payload = JSON.parse(await readBody(req));
      } catch (err) {
        if (err instanceof HttpError) throw err;
        return send(res, 400, { error: 'body must be JSON: {"text": "...", "thread": "optional id"}' });
      }
      const { text, thread } = (payload ?? {}) as { text?: unknown; thread?: unknown };
      if (typeof text !== 'string') return send(res, 400, { error: '"text" must be a string' });
      const threadKey = `local:${typeof thread === 'string' && thread.length <= 100 ? thread : 'default'}`;
      const reply = await brain.handler.handle({ text, userId: 'local', threadKey });
      return send(res, 200, toJsonAnswer(reply));
    }
    return send(res, 404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) logger.error('request failed', { path: req.url, error: (err as Error).message });
      if (!res.headersSent)
        send(res, status, { error: status === 500 ? 'internal error' : (err as Error).message });
    });
  });
  const host = config.HOST ?? '0.0.0.0';
  await new Promise<void>((resolve) => server.listen(config.PORT, host, resolve));
  for (const m of mounts) await m.start?.();
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  return {
    server,
    url,
    brain,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
        .then(() => Promise.all(mounts.map((m) => m.stop?.())))
        .then(() => brain.store.close()),
  };
}
