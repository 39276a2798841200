// POST /api/messages on the shared server: botbuilder's CloudAdapter behind a guard that rejects what the
// adapter would crash on or must never see (malformed bodies, and in local mode anything not on loopback).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import type { Brain } from '../../src/brain.ts';
import type { Config } from '../../src/config.ts';
import { HttpError, type HttpMount, isLocalRequest, readBody, sendJson } from '../../src/http.ts';
import type { Logger } from '../../src/log.ts';
import { scopeOf } from './activity.ts';
import { EcsVsEksTeamsBot } from './bot.ts';
import { isLoopbackUrl, type TeamsAuthConfig, type TeamsMode, teamsMode } from './security.ts';
import { plainActivity } from './send.ts';

export const TEAMS_PATH = '/api/messages';

/** botbuilder needs a non-empty app id for proactive calls even when authentication is off. */
const LOCAL_BOT_APP_ID = 'local-mode';

export interface TeamsMountOptions {
  config: TeamsAuthConfig & Pick<Config, 'DEFAULT_REGION' | 'CONTEXT_TTL_SECONDS'>;
  brain: Brain;
  logger: Logger;
  /** Tests only: signs outbound connector calls without asking Entra ID for a token. */
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
}

export interface TeamsMount extends HttpMount {
  mode: TeamsMode;
  adapter: CloudAdapter;
}

/** Just enough shape to hand the body to the adapter; botbuilder itself throws on a body without `type`. */
const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  serviceUrl: z.string().max(2000).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(2000) }).optional(),
  from: z.looseObject({ id: z.string().max(1000).optional() }).optional(),
  recipient: z.looseObject({ id: z.string().max(1000).optional() }).optional(),
});

/** Per request: did authentication fail? (botbuilder answers 500 for some token errors; they are 401s.) */
interface RequestState {
  authFailed: boolean;
}

/** The adapter's view of Node's ServerResponse (Express-style status/header/send/end). */
function adapterResponse(res: ServerResponse, state: RequestState) {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = state.authFailed ? 401 : code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body: unknown) {
      if (body === undefined || body === null) return this;
      if (res.statusCode >= 500 || state.authFailed) {
        // botbuilder would echo the error message; internals stay in the log.
        res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify({ error: state.authFailed ? 'Unauthorized' : 'internal error' }));
      } else if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        res.setHeader('content-type', 'application/json');
        res.write(JSON.stringify(body));
      } else {
        res.write(String(body));
      }
      return this;
    },
    end() {
      res.end();
      return this;
    },
  };
}

/**
 * botbuilder turns only its own AuthenticationError into 401; a token with a bad signature throws
 * jsonwebtoken's error and would come back as 500. Any failure to authenticate is marked as a 401.
 */
function markAuthFailures(
  auth: ConfigurationBotFrameworkAuthentication,
  requests: AsyncLocalStorage<RequestState>,
) {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args: Parameters<typeof authenticate>) => {
    try {
      return await authenticate(...args);
    } catch (err) {
      const state = requests.getStore();
      if (state) state.authFailed = true;
      throw err;
    }
  };
}

export function createTeamsMount(options: TeamsMountOptions): TeamsMount {
  const { config, brain, logger } = options;
  const mode = teamsMode(config);
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    } as ConfigurationBotFrameworkAuthenticationOptions,
    options.credentialsFactory,
  );
  const requests = new AsyncLocalStorage<RequestState>();
  markAuthFailures(auth, requests);
  const adapter = new CloudAdapter(auth);
  const bot = new EcsVsEksTeamsBot({
    brain,
    logger,
    botAppId: config.MicrosoftAppId ?? LOCAL_BOT_APP_ID,
    defaultRegion: config.DEFAULT_REGION,
    contextTtlSeconds: config.CONTEXT_TTL_SECONDS,
  });

  adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    const { type, conversation } = ctx.activity;
    logger.error('teams turn failed', {
      error: error?.message ?? String(error),
      activityType: type,
      scope: conversation ? scopeOf(ctx.activity) : undefined,
    });
    if (type !== 'message') return;
    try {
      await ctx.sendActivity(
        plainActivity('Sorry, something went wrong on my side. Please try again in a moment, or type help.'),
      );
    } catch (sendError) {
      logger.warn('teams could not report the failure', { error: (sendError as Error).message });
    }
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (mode === 'local' && !isLocalRequest(req)) {
      return sendJson(res, 403, {
        error: 'Teams runs in local mode (no MicrosoftAppId): only requests from this machine are accepted.',
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, { error: err.message });
      return sendJson(res, 400, { error: 'The body must be a Bot Framework activity in JSON.' });
    }
    const shape = activityShape.safeParse(body);
    if (!shape.success) {
      return sendJson(res, 400, { error: 'Not a Bot Framework activity: it needs a string "type".' });
    }
    if (mode === 'local' && shape.data.serviceUrl !== undefined && !isLoopbackUrl(shape.data.serviceUrl)) {
      return sendJson(res, 403, {
        error: 'Teams local mode only replies to a serviceUrl on this machine (localhost or 127.0.0.1).',
      });
    }
    const state: RequestState = { authFailed: false };
    try {
      await requests.run(state, () =>
        adapter.process(
          { body: shape.data, headers: req.headers, method: req.method },
          adapterResponse(res, state),
          (ctx) => bot.run(ctx),
        ),
      );
    } catch (err) {
      // CloudAdapter.process rejects (without answering) on bodies it cannot parse as an activity.
      logger.warn('teams request rejected', { error: (err as Error).message });
      if (!res.headersSent) sendJson(res, 400, { error: 'Not a valid Bot Framework activity.' });
      else if (!res.writableEnded) res.end();
    }
  }

  return { name: 'teams', method: 'POST', path: TEAMS_PATH, mode, adapter, handle };
}
