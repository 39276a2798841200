import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackMount } from '../../../adapters/slack/mount.ts';
import { loadConfig } from '../../../src/config.ts';
import { type RunningServer, startServer } from '../../../src/server.ts';
import { testBrain } from '../../helpers/brain.ts';
import { BOT, blocksOf, captureLogger, type FakeSlack, fixture, startFakeSlack } from './harness.ts';

// Socket Mode (SLACK_APP_TOKEN): the real SocketModeClient opens a connection through apps.connections.open
// and a WebSocket; readiness follows the socket, and envelopes are acked over it.
describe('Slack Socket Mode', () => {
  let fake: FakeSlack;
  let running: RunningServer;
  const logs = captureLogger();
  const readyz = async () => (await fetch(`${running.url}/readyz`)).json();

  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.on('apps.connections.open', () => ({ json: { ok: true, url: fake.wsUrl } }));
    const { brain } = testBrain();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: `${fake.url}/api/`,
    });
    const mount = createSlackMount(config, brain, logs.logger, {
      ...BOT,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    running = await startServer(config, { brain, mounts: [mount!], logger: logs.logger });
  });
  afterAll(async () => {
    await running.close();
    await fake.close();
  });

  it('is not ready until Slack says hello on the socket, then is', async () => {
    await fake.socket.connected();
    const open = await fake.waitFor((c) => c.method === 'apps.connections.open', 'apps.connections.open');
    expect(open.authorization).toBe('Bearer xapp-test-token');
    expect(await readyz()).toMatchObject({ ok: false, slack: 'not ready' });
    fake.socket.send({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0APP' },
      debug_info: { host: 'fake' },
    });
    await logs.waitFor((l) => l.message === 'Slack: Socket Mode connected', 'connected');
    expect(await readyz()).toMatchObject({ ok: true, slack: 'ready' });
  });

  it('acks a slash command envelope over the socket and answers through the response_url', async () => {
    const command = {
      ...fixture<Record<string, string>>('command'),
      text: 'help',
      response_url: fake.responseUrl('socket-cmd'),
    };
    fake.socket.send({
      envelope_id: 'env-cmd-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: command,
    });
    expect(await fake.socket.ackFor('env-cmd-1')).toMatchObject({ envelope_id: 'env-cmd-1' });
    const answer = await fake.waitFor((c) => c.method === 'respond:socket-cmd', 'command answer');
    expect(blocksOf(answer.body, 'header')[0]?.text.text).toBe('What I can do');
  });

  it('answers an app_mention envelope in its thread', async () => {
    const envelope = { ...fixture<Record<string, unknown>>('event-app-mention'), event_id: 'EvSOCKET1' };
    fake.socket.send({
      envelope_id: 'env-ev-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: envelope,
    });
    await fake.socket.ackFor('env-ev-1');
    const post = await fake.waitFor((c) => c.method === 'chat.postMessage', 'thread answer');
    expect(post.body).toMatchObject({ channel: 'C0CHAN', thread_ts: '1761000000.000100' });
    expect(String(post.body.text)).toMatch(/Networking/);
  });

  it('POST /slack/events explains that events arrive over the socket', async () => {
    const res = await fetch(`${running.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/Socket Mode/);
  });
});
