// Small HTTP helpers shared by the server and the adapters' route handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bodies larger than this are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** A request relayed by a proxy or tunnel (devtunnel, ngrok, a reverse proxy) arrives from loopback too. */
export function isRelayed(req: IncomingMessage): boolean {
  return ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => req.headers[h] !== undefined);
}

/** Sent from this machine itself: loopback socket and no proxy in between. Guards the unauthenticated routes. */
export function isLocalRequest(req: IncomingMessage): boolean {
  return isLoopback(req.socket.remoteAddress) && !isRelayed(req);
}

/**
 * A platform route that an adapter mounts on the one server. The server knows nothing about the platform:
 * it matches method + path, and asks each mount whether it is ready.
 */
export interface HttpMount {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
  /** Readiness beyond the store, e.g. a connected Socket Mode socket. */
  ready?(): Promise<boolean> | boolean;
  /** Background work that needs no route (Socket Mode). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}
