// The real Slack app (Bolt App + HTTPReceiver) mounted on our real server on an ephemeral port, receiving
// HMAC-signed requests; a local fake Slack records every outbound Web API and response_url call.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { webApi } from '@slack/bolt';
import { createSlackMount } from '../../../adapters/slack/mount.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Logger } from '../../../src/log.ts';
import { startServer } from '../../../src/server.ts';
import { testBrain } from '../../helpers/brain.ts';
import { attachFakeSocket } from './fake-socket.ts';
import { createWaiter } from './wait.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT = { botId: 'B0BOT', botUserId: 'U0BOT' };
export const TEAM = 'T0TEAM';
export const CHANNEL = 'C0CHAN';
export const ALICE = 'U0ALICE';

const fixtureDir = new URL('../../fixtures/slack/', import.meta.url);
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, fixtureDir), 'utf8')) as T;
}

export interface Call {
  /** Web API method (`chat.postMessage`) or `respond:<name>` for a response_url. */
  method: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** What the fake answered (e.g. the new message's ts). */
  response?: Record<string, unknown>;
}

type Reply = { status?: number; headers?: Record<string, string>; json: unknown; delayMs?: number };

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A local stand-in for slack.com/api and hooks.slack.com: records calls, answers like Slack does. */
export async function startFakeSlack() {
  const calls: Call[] = [];
  const overrides = new Map<string, (body: Record<string, unknown>, n: number) => Reply>();
  const waiter = createWaiter();
  let ts = 1761100000;

  function defaultReply(method: string, body: Record<string, unknown>): Reply {
    switch (method) {
      case 'auth.test':
        return { json: { ok: true, user_id: BOT.botUserId, bot_id: BOT.botId, team_id: TEAM } };
      case 'chat.postMessage': {
        const channel = String(body.channel);
        // Posting to a user id lands in the app's DM with that user.
        return {
          json: {
            ok: true,
            channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
            ts: `${++ts}.000100`,
          },
        };
      }
      case 'chat.postEphemeral':
        return { json: { ok: true, message_ts: `${++ts}.000200` } };
      case 'views.open':
      case 'views.publish':
        return { json: { ok: true, view: { id: 'V0OPENED' } } };
      default:
        return { json: { ok: true } };
    }
  }

  const server = createServer(async (req, res) => {
    const raw = await readAll(req);
    const path = (req.url ?? '/').split('?')[0]!;
    let body: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('json')) body = raw ? JSON.parse(raw) : {};
    else {
      for (const [k, v] of new URLSearchParams(raw)) {
        body[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
      }
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : `respond:${path.split('/').pop()}`;
    const n = calls.filter((c) => c.method === method).length + 1;
    const out = overrides.get(method)?.(body, n) ?? defaultReply(method, body);
    calls.push({
      method,
      body,
      authorization: req.headers.authorization,
      response: out.json as Record<string, unknown>,
    });
    if (out.delayMs) await new Promise((r) => setTimeout(r, out.delayMs));
    if (res.destroyed) return;
    res.writeHead(out.status ?? 200, { 'content-type': 'application/json', ...out.headers });
    res.end(JSON.stringify(out.json));
    waiter.notify();
  });
  const socket = attachFakeSocket(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    /** Socket Mode: apps.connections.open can hand out this URL. */
    wsUrl: `${url.replace('http', 'ws')}/link`,
    socket,
    calls,
    responseUrl: (name: string) => `${url}/respond/${name}`,
    /** Answer a method differently (e.g. `not_in_channel`); `n` counts the calls to it, from 1. */
    on(method: string, reply: (body: Record<string, unknown>, n: number) => Reply) {
      overrides.set(method, reply);
    },
    of: (method: string) => calls.filter((c) => c.method === method),
    /** Resolves with the first call matching; fails with the calls seen so far (no timing is asserted). */
    waitFor(match: (c: Call) => boolean, what: string, timeoutMs = 8000): Promise<Call> {
      return waiter.waitFor(
        () => calls.find(match),
        () => `no ${what}; calls: ${calls.map((c) => c.method).join(', ') || 'none'}`,
        timeoutMs,
      );
    },
    close: () =>
      new Promise<void>((resolve) => {
        socket.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;

interface LogLine {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that remembers lines, so a test can wait for a decision ("ignored: bot") instead of sleeping. */
export function captureLogger() {
  const lines: LogLine[] = [];
  const waiter = createWaiter();
  const write = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push({ level, message, fields });
    waiter.notify();
  };
  const logger: Logger = {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
  return {
    logger,
    lines,
    waitFor: (match: (l: LogLine) => boolean, what: string, timeoutMs = 8000): Promise<LogLine> =>
      waiter.waitFor(
        () => lines.find(match),
        () => `no log line: ${what}`,
        timeoutMs,
      ),
  };
}

/** Slack's v0 request signature over `v0:<timestamp>:<raw body>`. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  headers?: Record<string, string>;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  secret?: string;
}

export async function postSigned(
  url: string,
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

let counter = 0;
const unique = () => `${Date.now()}${++counter}`;

export interface SlackHarnessOptions {
  clientOptions?: webApi.WebClientOptions;
  /** 'looked-up': like `npm start`, the bot's ids are not configured and come from auth.test. */
  identity?: 'given' | 'looked-up';
  /** Runs before the server starts, e.g. to make the startup auth.test fail. */
  beforeStart?: (fake: FakeSlack) => void;
}

export async function startSlackHarness(options: SlackHarnessOptions = {}) {
  const fake = await startFakeSlack();
  options.beforeStart?.(fake);
  const { brain, store } = testBrain();
  const logs = captureLogger();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `${fake.url}/api/`,
  });
  const mount = createSlackMount(config, brain, logs.logger, {
    ...(options.identity === 'looked-up' ? {} : BOT),
    clientOptions: { retryConfig: { retries: 0 }, ...options.clientOptions },
  });
  if (!mount) throw new Error('Slack mount is off');
  const running = await startServer(config, { brain, mounts: [mount], logger: logs.logger });
  const eventsUrl = `${running.url}/slack/events`;

  return {
    fake,
    brain,
    store,
    logs,
    eventsUrl,
    post: (body: string, type: 'application/json' | 'application/x-www-form-urlencoded', o?: SendOptions) =>
      postSigned(eventsUrl, body, type, o),

    /** A slash command, form-encoded exactly as Slack sends it; returns its response_url name. */
    async command(text: string, patch: Record<string, string> = {}) {
      const name = `cmd-${unique()}`;
      const fields = {
        ...fixture<Record<string, string>>('command'),
        text,
        response_url: fake.responseUrl(name),
        ...patch,
      };
      const res = await postSigned(
        eventsUrl,
        new URLSearchParams(fields).toString(),
        'application/x-www-form-urlencoded',
      );
      return { res, respond: `respond:${name}`, responseUrl: fields.response_url };
    },

    /** An Events API delivery (JSON) from a fixture, with the inner event patched. */
    async event(
      name: string,
      event: Record<string, unknown>,
      envelope: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const base = fixture<Record<string, unknown>>(name);
      const body = {
        ...base,
        event_id: `Ev${unique()}`,
        ...envelope,
        event: { ...(base.event as object), ...event },
      };
      return postSigned(eventsUrl, JSON.stringify(body), 'application/json', { headers });
    },

    /** A block_actions click on a card, form-encoded as `payload=<json>`. */
    async click(action: Record<string, unknown>, patch: Record<string, unknown> = {}) {
      const name = `act-${unique()}`;
      const payload = {
        ...fixture<Record<string, unknown>>('block-actions-ephemeral'),
        response_url: fake.responseUrl(name),
        actions: [{ type: 'button', block_id: 'b1', action_ts: '1761000401.000001', ...action }],
        ...patch,
      };
      const res = await postSigned(
        eventsUrl,
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      );
      return { res, respond: `respond:${name}` };
    },

    /** A view_submission (or view_closed) of a modal. */
    async submit(view: Record<string, unknown>, patch: Record<string, unknown> = {}) {
      const base = fixture<Record<string, unknown>>('view-submission');
      const payload = { ...base, ...patch, view: { ...(base.view as object), ...view } };
      return postSigned(
        eventsUrl,
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      );
    },

    async close() {
      await running.close();
      await fake.close();
    },
  };
}
export type SlackHarness = Awaited<ReturnType<typeof startSlackHarness>>;

// biome-ignore lint/suspicious/noExplicitAny: Slack payloads in test assertions are free-form JSON.
export type Json = Record<string, any>;

/** Every block of a given type in a message body. */
export function blocksOf(body: Record<string, unknown>, type?: string): Json[] {
  const blocks = (body.blocks ?? []) as Json[];
  return type ? blocks.filter((b) => b.type === type) : blocks;
}

/** All buttons of a message, flattened. */
export function buttonsOf(body: Record<string, unknown>): Json[] {
  return blocksOf(body, 'actions').flatMap((b) => b.elements as Json[]);
}

/** The visible text of a message's blocks, for content assertions. */
export function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? []);
}
