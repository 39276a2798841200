import { describe, expect, it } from 'vitest';
import { slackMode } from '../../../adapters/slack/app.ts';
import type { SlackDeps } from '../../../adapters/slack/deliver.ts';
import { ecsVsEksCommand } from '../../../adapters/slack/listeners/commands/ecs-vs-eks.ts';
import { createSlackMount } from '../../../adapters/slack/mount.ts';
import { slackPreview } from '../../../adapters/slack/preview.ts';
import { loadConfig } from '../../../src/config.ts';
import { ThreadContexts } from '../../../src/core/context.ts';
import type { Logger } from '../../../src/log.ts';
import { testBrain } from '../../helpers/brain.ts';

function recordingLogger() {
  const lines: string[] = [];
  const log = (m: string) => {
    lines.push(m);
  };
  const logger: Logger = { debug: log, info: log, warn: log, error: log };
  return { logger, lines };
}

describe('Slack modes', () => {
  it('without credentials Slack stays off with one line saying how to turn it on', () => {
    const { brain } = testBrain();
    const { logger, lines } = recordingLogger();
    expect(createSlackMount(loadConfig({}), brain, logger)).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Slack: off\. To turn it on, set SLACK_BOT_TOKEN .*SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/,
    );
    expect(lines[0]).toMatch(/Install in your Slack workspace/);
  });

  it('names what is missing when credentials are half there', () => {
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toMatchObject({
      mode: 'off',
      hint: expect.stringMatching(/SLACK_SIGNING_SECRET .*or SLACK_APP_TOKEN .*missing/),
    });
    expect(slackMode(loadConfig({ SLACK_SIGNING_SECRET: 's' }))).toMatchObject({
      hint: expect.stringMatching(/SLACK_BOT_TOKEN is missing/),
    });
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toEqual({
      mode: 'http',
    });
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toEqual({
      mode: 'socket',
    });
  });

  it('Socket Mode: the HTTP route says where events go, and readiness waits for the socket', async () => {
    const { brain } = testBrain();
    const { logger } = recordingLogger();
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const mount = createSlackMount(config, brain, logger, { botId: 'B1', botUserId: 'U1' })!;
    expect(mount.path).toBe('/slack/events');
    expect(await mount.ready?.()).toBe(false);
  });
});

describe('the slash command listener', () => {
  it('acks before any work, then answers through the response_url (not say/chat.postMessage)', async () => {
    const { brain } = testBrain();
    const order: string[] = [];
    const handle = brain.handler.handle;
    brain.handler.handle = async (inbound) => {
      order.push('handle');
      return handle(inbound);
    };
    const { logger } = recordingLogger();
    const deps: SlackDeps = {
      brain,
      contexts: new ThreadContexts(brain.store, 60),
      logger,
      defaultRegion: 'us-east-1',
      responseTimeoutMs: 1000,
    };
    const posted: string[] = [];
    const originalFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      posted.push(String(url));
      order.push('respond');
      return new Response('ok');
    }) as typeof fetch;
    try {
      await ecsVsEksCommand(deps)({
        ack: async () => {
          order.push('ack');
        },
        command: {
          text: 'networking',
          team_id: 'T1',
          channel_id: 'C1',
          user_id: 'U1',
          command: '/ecs-vs-eks',
          response_url: 'https://hooks.slack.com/commands/T1/1/x',
          trigger_id: 't',
        },
        client: {
          chat: {
            postMessage: () => {
              order.push('postMessage');
            },
          },
        },
        context: { botUserId: 'U0BOT' },
      } as never);
    } finally {
      globalThis.fetch = originalFetch;
    }
    expect(order).toEqual(['ack', 'handle', 'respond']);
    expect(posted).toEqual(['https://hooks.slack.com/commands/T1/1/x']);
  });
});

describe('npm run ask -- --slack', () => {
  it('gives the payload and a Block Kit Builder link that opens exactly those blocks', async () => {
    const { ask } = testBrain();
    const preview = slackPreview(await ask('networking'), '0b7c3a56-1b7e-4a47-9a51-0d5f0c5d2a11');
    expect(preview.payload.response_type).toBe('ephemeral');
    expect(preview.payload.text).toMatch(/^Networking/);
    const [base, hash] = preview.builderUrl.split('#');
    expect(base).toBe('https://app.slack.com/block-kit-builder/');
    expect(JSON.parse(decodeURIComponent(hash!))).toEqual({ blocks: preview.payload.blocks });
  });
});
