// Test harness for the Teams adapter: the real server + CloudAdapter on an ephemeral port, a fake Bot
// Connector on loopback that records every REST call, and the real-shaped activities in tests/fixtures/teams.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { cardBytes } from '../../../adapters/teams/card-elements.ts';
import { MAX_CARD_BYTES } from '../../../adapters/teams/limits.ts';
import type { TeamsMountOptions } from '../../../adapters/teams/mount.ts';
import { createTeamsMount } from '../../../adapters/teams/mount.ts';
import { createBrain } from '../../../src/brain.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { type RunningServer, startServer } from '../../../src/server.ts';
import { MemoryStore } from '../../../src/state/memory-store.ts';
import type { Store } from '../../../src/state/store.ts';
import { cardProblems } from '../../unit/teams/card-validator.ts';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_ID = '28:c9e4d8a1-7b2f-4e3a-9c6d-2f1e0a5b7c3d';
export const USER_ID = '29:1Qa9xN2y3Z4AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
export const TEAM_ID = '19:f3b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5@thread.tacv2';
export const CHANNEL_ID = '19:8a2d6d1f0e5c4b3aa1b2c3d4e5f6a7b8@thread.tacv2';

// biome-ignore lint/suspicious/noExplicitAny: connector payloads are asserted field by field
export type Json = any;

export interface ConnectorCall {
  method: string;
  /** The raw path, still URL-encoded, e.g. /amer/v3/conversations/19%3A…/activities/123 */
  path: string;
  headers: IncomingHttpHeaders;
  body: Json;
  /** What the fake answered. */
  response?: Json;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A Bot Connector on 127.0.0.1 under /amer/ (like smba.trafficmanager.net/amer/), recording every call. */
export async function startFakeConnector() {
  const calls: ConnectorCall[] = [];
  const overrides: Array<(call: ConnectorCall) => Answer | undefined> = [];
  /** teamId -> members; teamId -> channels, for TeamsInfo.getTeamMember / getTeamChannels. */
  const members = new Map<string, Set<string>>();
  const channels = new Map<string, Array<{ id: string; name?: string }>>();
  let counter = 0;

  function answer(call: ConnectorCall): Answer {
    const p = call.path.replace(/^\/amer/, '');
    const seg = p.split('/').map(decodeURIComponent);
    if (call.method === 'POST' && p === '/v3/conversations') {
      const id = String(9_000_000_000_000 + ++counter);
      return {
        status: 201,
        body: { id: `${call.body.channelData.channel.id};messageid=${id}`, activityId: id },
      };
    }
    if (call.method === 'POST' && seg[3] && seg[4] === 'activities')
      return { status: 201, body: { id: `r${++counter}` } };
    if (call.method === 'PUT' && seg[4] === 'activities') return { status: 200, body: { id: seg[5] } };
    if (call.method === 'GET' && seg[4] === 'members') {
      const known = members.get(seg[3]!)?.has(seg[5]!);
      return known
        ? {
            status: 200,
            body: { id: seg[5], name: 'Adele Vance', aadObjectId: '87d349ed-44d7-43e1-9a83-5f2406dee5bd' },
          }
        : {
            status: 404,
            body: { error: { code: 'MemberNotFoundInConversation', message: 'Member not found' } },
          };
    }
    if (call.method === 'GET' && seg[2] === 'teams' && seg[4] === 'conversations') {
      const list = channels.get(seg[3]!);
      return list ? { status: 200, body: { conversations: list } } : { status: 404, body: {} };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: `no fake for ${call.method} ${p}` } } };
  }

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const call: ConnectorCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      };
      calls.push(call);
      const custom = overrides.map((o) => o(call)).find(Boolean);
      const out = custom ?? answer(call);
      call.response = out.body;
      res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
      res.end(out.body === undefined ? '' : JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/amer/`,
    calls,
    members,
    channels,
    /** Answer some calls differently (first match wins); return undefined to fall through. */
    override(fn: (call: ConnectorCall) => Answer | undefined) {
      overrides.push(fn);
    },
    reset() {
      calls.length = 0;
      overrides.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type FakeConnector = Awaited<ReturnType<typeof startFakeConnector>>;

export interface TeamsHarnessOptions {
  env?: Record<string, string>;
  store?: Store;
  credentialsFactory?: TeamsMountOptions['credentialsFactory'];
}

/** The real server with only the Teams mount, on 127.0.0.1 and an ephemeral port. */
export async function startTeams(options: TeamsHarnessOptions = {}) {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...options.env });
  const brain = createBrain(config, options.store ?? new MemoryStore());
  const logger = createLogger('silent');
  const mount = createTeamsMount({ config, brain, logger, credentialsFactory: options.credentialsFactory });
  const running: RunningServer = await startServer(config, { brain, mounts: [mount], logger });
  const url = `${running.url.replace('localhost', '127.0.0.1')}/api/messages`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { url, brain, mount, post, close: () => running.close() };
}

export type TeamsServer = Awaited<ReturnType<typeof startTeams>>;

/**
 * The per-file setup every Teams HTTP suite shares: one fake connector and one server for the file, the
 * connector's record cleared before each test, and every card sent in a test checked after it. Read
 * `h.connector` and `h.teams` inside tests and hooks (they exist once beforeAll has run).
 */
export function useTeamsHarness(options: TeamsHarnessOptions = {}) {
  const h = {} as { connector: FakeConnector; teams: TeamsServer };
  beforeAll(async () => {
    h.connector = await startFakeConnector();
    h.teams = await startTeams(options);
  });
  afterAll(async () => {
    await h.teams?.close();
    await h.connector?.close();
  });
  beforeEach(() => {
    h.connector.reset();
    h.connector.members.clear();
    h.connector.channels.clear();
  });
  afterEach(() => {
    checkSentCards(h.connector.calls);
  });
  return h;
}

let unique = 0;
/** A fresh numeric Teams message id. */
export function newId(): string {
  return String(1_765_000_000_000 + ++unique);
}

function merge(base: Json, patch: Json): Json {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(patch)) out[k] = v === undefined ? undefined : merge(base?.[k], v);
  return out;
}

/** Loads tests/fixtures/teams/<name>.json with the connector's serviceUrl, a fresh id, and a patch applied. */
export function activity(name: string, serviceUrl: string, patch: Json = {}): Json {
  const raw = readFileSync(new URL(`../../fixtures/teams/${name}.json`, import.meta.url), 'utf8');
  const base = JSON.parse(raw.replaceAll('{{SERVICE_URL}}', serviceUrl));
  return merge({ ...base, id: newId() }, patch);
}

/** A personal-chat conversation id no other test uses, so dedupe keys and thread context stay apart. */
export function personalConversation(): Json {
  return { conversation: { id: `a:1${newId()}pLrS8mT0v3XyZ9Qw` } };
}

/** The Adaptive Card in an outbound activity. */
export function cardOf(call: ConnectorCall): Json {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(
      `no Adaptive Card in ${call.method} ${call.path}: ${JSON.stringify(call.body).slice(0, 300)}`,
    );
  }
  return attachment.content;
}

/** Every text and title in a card, for content assertions. */
export function cardText(card: Json): string {
  const out: string[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'label') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The `data` of every Action.Submit in a card. */
export function submits(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Submit') out.push(node.data);
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(card);
  return out;
}

/** A card-submit activity in the same conversation as `source`, for the card sent as `replyToId`. */
export function submitFrom(source: Json, value: Json, replyToId = newId()): Json {
  const { text: _text, entities: _entities, attachments: _attachments, ...rest } = source;
  return { ...rest, id: newId(), value, replyToId };
}

/**
 * Every Adaptive Card that reached the connector (replies, updates, new channel posts) must be valid at 1.5
 * and within 28 KB. Returns how many cards were checked.
 */
export function checkSentCards(calls: ConnectorCall[]): number {
  let checked = 0;
  for (const call of calls) {
    const activities = [call.body, call.body?.activity].filter(Boolean);
    for (const a of activities) {
      for (const attachment of a.attachments ?? []) {
        if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
        const problems = cardProblems(attachment.content);
        if (problems.length)
          throw new Error(`invalid card in ${call.method} ${call.path}: ${problems.join('; ')}`);
        if (cardBytes(attachment.content) > MAX_CARD_BYTES)
          throw new Error(`card over 28 KB in ${call.path}`);
        checked++;
      }
    }
  }
  return checked;
}
