import { afterEach, describe, expect, it } from 'vitest';
import { WEB_API_OPTIONS } from '../../../adapters/slack/app.ts';
import { ThreadContexts } from '../../../src/core/context.ts';
import { ALICE, BOT, CHANNEL, type SlackHarness, startSlackHarness, TEAM } from './harness.ts';

// The Web API client policy, observed from the outside: Slack answers 429/500/slowly, the bot behaves.
describe('Slack Web API client', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  // Production retry count and timeout, with the backoff between attempts shortened for the test.
  const fastBackoff = { retryConfig: { ...WEB_API_OPTIONS.retryConfig, minTimeout: 1, maxTimeout: 5 } };
  const mention = (ts: string) =>
    h!.event('event-app-mention', { ts, text: `<@${BOT.botUserId}> networking` }, { event_id: `Ev${ts}` });

  it('honours 429 Retry-After: waits, retries, and the answer still lands', async () => {
    h = await startSlackHarness({ clientOptions: fastBackoff });
    h.fake.on('chat.postMessage', (_body, n) =>
      n === 1
        ? { status: 429, headers: { 'retry-after': '1' }, json: { ok: false, error: 'ratelimited' } }
        : { json: { ok: true, ts: '1764000000.000200' } },
    );
    await mention('1764000000.000100');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.response?.ok === true, 'retried post');
    expect(h.fake.of('chat.postMessage')).toHaveLength(2);
    expect(h.logs.lines.some((l) => l.message.includes('answering a mention failed'))).toBe(false);
  });

  it('retries a failing call a bounded number of times, then gives up and logs it', async () => {
    h = await startSlackHarness({ clientOptions: fastBackoff });
    h.fake.on('chat.postMessage', () => ({ status: 500, json: { ok: false } }));
    await mention('1764000100.000100');
    await h.logs.waitFor((l) => l.message.includes('answering a mention failed'), 'failure logged');
    expect(h.fake.of('chat.postMessage')).toHaveLength(1 + WEB_API_OPTIONS.retryConfig.retries);
  });

  it('gives up on a call that does not answer within the timeout', async () => {
    h = await startSlackHarness({ clientOptions: { ...fastBackoff, timeout: 100 } });
    h.fake.on('chat.postMessage', () => ({ delayMs: 2000, json: { ok: true, ts: '1.1' } }));
    await mention('1764000200.000100');
    const failure = await h.logs.waitFor((l) => l.message.includes('answering a mention failed'), 'timeout');
    expect(String(failure.fields?.error)).toMatch(/abort|timeout|time/i);
  });

  it('tells the asker privately when an answer fails on our side, without internals (as Teams does)', async () => {
    h = await startSlackHarness({ clientOptions: fastBackoff });
    const store = h.store;
    const get = store.get.bind(store);
    store.get = async <T>(key: string): Promise<T | undefined> => {
      if (key === ThreadContexts.key(`slack:${TEAM}:${CHANNEL}:1764000300.000100`))
        throw new Error('redis: ECONNREFUSED 10.0.0.7:6379 password=hunter2');
      return get<T>(key);
    };
    await mention('1764000300.000100');
    const sorry = await h.fake.waitFor((c) => c.method === 'chat.postEphemeral', 'apology');
    expect(sorry.body).toMatchObject({ channel: CHANNEL, user: ALICE, thread_ts: '1764000300.000100' });
    expect(String(sorry.body.text)).toMatch(/something went wrong/i);
    expect(JSON.stringify(sorry.body)).not.toMatch(/redis|ECONNREFUSED|hunter2|Error/);
    expect(h.fake.of('chat.postMessage')).toEqual([]);
  });

  it('keeps the policy a chat bot needs: a timeout, few retries, 429s honoured rather than rejected', () => {
    expect(WEB_API_OPTIONS.timeout).toBeGreaterThan(0);
    expect(WEB_API_OPTIONS.retryConfig.retries).toBeGreaterThan(0);
    expect(WEB_API_OPTIONS.retryConfig.retries).toBeLessThanOrEqual(3);
    expect(WEB_API_OPTIONS.rejectRateLimitedCalls).toBe(false);
  });
});
