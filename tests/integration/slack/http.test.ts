import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type SlackHarness, startSlackHarness } from './harness.ts';

// The receiving edge: Bolt's HTTPReceiver behind our server's POST /slack/events verifies every request.
describe('Slack HTTP endpoint', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: 'ch4llenge-xyz', type: 'url_verification' });
    const res = await h.post(body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'ch4llenge-xyz' });
  });

  it('rejects a bad signature with 401 and runs nothing', async () => {
    const body = JSON.stringify({ ...fixture('event-app-mention'), event_id: 'EvBADSIG' });
    const res = await h.post(body, 'application/json', { secret: 'not-the-signing-secret' });
    expect(res.status).toBe(401);
    const forgedCommand = new URLSearchParams({
      ...fixture<Record<string, string>>('command'),
      text: 'help',
    });
    const res2 = await h.post(forgedCommand.toString(), 'application/x-www-form-urlencoded', {
      secret: 'wrong',
    });
    expect(res2.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a stale timestamp (replay) with 401', async () => {
    const body = JSON.stringify({ ...fixture('event-app-mention'), event_id: 'EvSTALE' });
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await h.post(body, 'application/json', { timestamp: tenMinutesAgo });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses malformed and oversized bodies without crashing', async () => {
    expect((await h.post('{not json', 'application/json')).status).toBe(400);
    const huge = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(300_000) });
    expect((await h.post(huge, 'application/json')).status).toBe(413);
    const garbage = new URLSearchParams({ payload: '{"type":"block_actions","actions":"nope"' }).toString();
    expect((await h.post(garbage, 'application/x-www-form-urlencoded')).status).toBeGreaterThanOrEqual(400);
    const health = await fetch(h.eventsUrl.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('reports Slack as ready on /readyz in HTTP mode', async () => {
    const res = await fetch(h.eventsUrl.replace('/slack/events', '/readyz'));
    expect(await res.json()).toMatchObject({ ok: true, slack: 'ready' });
  });
});
