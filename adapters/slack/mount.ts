// Slack on our one server: POST /slack/events in HTTP mode, or a Socket Mode connection whose state is the
// readiness. Without credentials there is no mount, only one log line saying how to turn Slack on.
import type { Brain } from '../../src/brain.ts';
import { type HttpMount, sendJson } from '../../src/http.ts';
import type { Logger } from '../../src/log.ts';
import {
  createSlackApp,
  SLACK_EVENTS_PATH,
  type SlackAppOptions,
  type SlackConfig,
  slackMode,
} from './app.ts';
import { logFailure, slackErrorCode } from './deliver.ts';

export function createSlackMount(
  config: SlackConfig,
  brain: Brain,
  logger: Logger,
  overrides: Partial<
    Pick<SlackAppOptions, 'clientOptions' | 'botId' | 'botUserId' | 'responseTimeoutMs'>
  > = {},
): HttpMount | undefined {
  const mode = slackMode(config);
  if (mode.mode === 'off') {
    logger.info(mode.hint);
    return undefined;
  }
  const slack = createSlackApp({ config, brain, logger, ...overrides });

  if (slack.mode === 'http' && slack.requestListener) {
    const listener = slack.requestListener;
    return {
      name: 'slack',
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handle: (req, res) => listener(req, res),
      ready: () => true,
      async start() {
        logger.info(`Slack: on (HTTP mode), Request URL https://<your public host>${SLACK_EVENTS_PATH}`);
        // A bad token should be said plainly at startup, not discovered at the first message.
        slack.identity().catch((err: unknown) => {
          const code = slackErrorCode(err);
          if (code)
            logger.error(
              `Slack: SLACK_BOT_TOKEN was rejected (${code}): check the token and that the app is installed`,
            );
          else logFailure(logger, 'checking SLACK_BOT_TOKEN', err);
        });
      },
    };
  }

  let connected = false;
  slack.socket?.on('connected', () => {
    connected = true;
  });
  for (const state of ['disconnected', 'reconnecting', 'disconnecting']) {
    slack.socket?.on(state, () => {
      connected = false;
    });
  }
  return {
    name: 'slack',
    method: 'POST',
    path: SLACK_EVENTS_PATH,
    handle: (_req, res) =>
      sendJson(res, 404, {
        error: 'Slack runs in Socket Mode (SLACK_APP_TOKEN is set): events arrive over the socket, not here.',
      }),
    ready: () => connected,
    async start() {
      logger.info('Slack: on (Socket Mode), connecting');
      // Not awaited: the server serves health (and Teams) meanwhile, and /readyz says when Slack is connected.
      slack.app.start().then(
        () => logger.info('Slack: Socket Mode connected'),
        (err: unknown) =>
          logFailure(logger, 'connecting to Slack in Socket Mode (check SLACK_APP_TOKEN)', err),
      );
    },
    async stop() {
      await slack.app.stop().catch(() => undefined);
    },
  };
}
