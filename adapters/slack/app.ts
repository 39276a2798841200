// The Slack app factory: a real Bolt App with our listeners, in HTTP mode (signed requests on our one server)
// or Socket Mode (SLACK_APP_TOKEN). Tests inject the Web API base URL, retry policy and bot ids.
import type { RequestListener } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  HTTPReceiver,
  LogLevel,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Brain } from '../../src/brain.ts';
import type { Config } from '../../src/config.ts';
import { ThreadContexts } from '../../src/core/context.ts';
import { MAX_BODY_BYTES } from '../../src/http.ts';
import type { Logger } from '../../src/log.ts';
import type { SlackDeps } from './deliver.ts';
import { registerListeners } from './listeners/index.ts';

export type SlackConfig = Pick<
  Config,
  | 'SLACK_SIGNING_SECRET'
  | 'SLACK_BOT_TOKEN'
  | 'SLACK_APP_TOKEN'
  | 'SLACK_API_URL'
  | 'DEFAULT_REGION'
  | 'CONTEXT_TTL_SECONDS'
>;

export const SLACK_EVENTS_PATH = '/slack/events';
export const INSTALL_HINT = 'see README "Install in your Slack workspace"';

/**
 * Web API client policy for a chat bot. The SDK default is 10 retries over ~30 minutes and no timeout: an
 * answer that late is worse than an error. A 429 is honoured: the client waits the Retry-After seconds, then
 * retries (within the same bounded count).
 */
export const WEB_API_OPTIONS = {
  timeout: 10_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4_000, randomize: true },
  rejectRateLimitedCalls: false,
} satisfies webApi.WebClientOptions;

export type SlackMode = { mode: 'http' | 'socket' } | { mode: 'off'; hint: string };

/** Which mode the credentials allow, or the one line that says how to turn Slack on. */
export function slackMode(config: SlackConfig): SlackMode {
  const { SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, SLACK_APP_TOKEN: appToken } = config;
  if (bot && appToken) return { mode: 'socket' };
  if (bot && secret) return { mode: 'http' };
  if (!bot && !secret && !appToken)
    return {
      mode: 'off',
      hint: `Slack: off. To turn it on, set SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP: events at POST ${SLACK_EVENTS_PATH}) or SLACK_APP_TOKEN (Socket Mode); ${INSTALL_HINT}.`,
    };
  const missing = bot
    ? 'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)'
    : 'SLACK_BOT_TOKEN';
  return { mode: 'off', hint: `Slack: off, ${missing} is missing; ${INSTALL_HINT}.` };
}

export interface SlackAppOptions {
  config: SlackConfig;
  brain: Brain;
  logger: Logger;
  /** Merged over WEB_API_OPTIONS and SLACK_API_URL (tests point slackApiUrl at a fake and turn retries down). */
  clientOptions?: webApi.WebClientOptions;
  /** With both, the ids need no auth.test (the startup token check still runs it once). */
  botId?: string;
  botUserId?: string;
  /** Time limit for response_url posts. */
  responseTimeoutMs?: number;
}

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** HTTP mode: Bolt's own listener (signature check, body parsing, ack timing) for our server's route. */
  requestListener?: RequestListener;
  /** Socket Mode: the client whose connection state is our readiness. */
  socket?: SocketModeReceiver['client'];
  /** The bot's ids; auth.test runs once (at startup), and again only after a failed lookup. */
  identity(): Promise<BotIdentity>;
}

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/**
 * Remembers the first successful lookup. Bolt, given a token without ids, calls auth.test before every
 * request (every channel message, command and click) instead; a failed lookup is tried again next time.
 */
export function onceIdentity(lookup: () => Promise<BotIdentity>): () => Promise<BotIdentity> {
  let pending: Promise<BotIdentity> | undefined;
  return () => {
    pending ??= lookup().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}

/** Bolt logs through ours, so LOG_LEVEL and "never log secrets" apply to it too. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    `slack/bolt: ${parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p))).join(' ')}`;
  return {
    debug: (...m: unknown[]) => logger.debug(line(m)),
    info: (...m: unknown[]) => logger.info(line(m)),
    warn: (...m: unknown[]) => logger.warn(line(m)),
    error: (...m: unknown[]) => logger.error(line(m)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, brain, logger } = options;
  const mode = slackMode(config);
  if (mode.mode === 'off') throw new Error(mode.hint);
  const log = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...WEB_API_OPTIONS,
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...options.clientOptions,
  };
  const receiver =
    mode.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.SLACK_APP_TOKEN!,
          logger: log,
          // apps.connections.open goes to SLACK_API_URL too (GovSlack).
          installerOptions: { clientOptions },
        })
      : new HTTPReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET!,
          endpoints: SLACK_EVENTS_PATH,
          logger: log,
          bodyLimit: MAX_BODY_BYTES,
        });
  const botToken = config.SLACK_BOT_TOKEN!;
  const given = options.botId !== undefined && options.botUserId !== undefined;
  const identity = onceIdentity(async () => {
    const res = await app.client.auth.test({ token: botToken });
    return given
      ? { botId: options.botId, botUserId: options.botUserId }
      : { botId: res.bot_id, botUserId: res.user_id };
  });
  const app = new App({
    receiver,
    // Our own authorize: the ids are looked up lazily (a bad token is then a logged error, not an unhandled
    // rejection in this constructor) and only once.
    authorize: async () => ({
      botToken,
      ...(given ? { botId: options.botId, botUserId: options.botUserId } : await identity()),
    }),
    clientOptions,
    logger: log,
    convoStore: false,
  });
  const deps: SlackDeps = {
    brain,
    contexts: new ThreadContexts(brain.store, config.CONTEXT_TTL_SECONDS),
    logger,
    defaultRegion: config.DEFAULT_REGION,
    responseTimeoutMs: options.responseTimeoutMs ?? 10_000,
  };
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('slack: unhandled listener error', { error: error.message, code: error.code });
  });
  return receiver instanceof HTTPReceiver
    ? { app, mode: 'http', requestListener: receiver.requestListener, identity }
    : { app, mode: 'socket', socket: receiver.client, identity };
}
