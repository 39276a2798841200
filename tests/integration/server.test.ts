import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrain } from '../../src/brain.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

describe('HTTP server', () => {
  let running: RunningServer;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
    running = await startServer(config, { brain: createBrain(config), logger: createLogger('silent') });
  });
  afterAll(() => running.close());

  it('reports health and readiness', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, store: 'reachable' });
  });

  it('answers local questions and keeps the thread', async () => {
    const post = (text: string) =>
      fetch(`${running.url}/api/ask`, { method: 'POST', body: JSON.stringify({ text, thread: 't1' }) }).then(
        (r) => r.json(),
      );
    expect(await post('what is eks auto mode')).toMatchObject({ intent: 'topic', topics: ['auto-mode'] });
    expect(await post('more detail')).toMatchObject({ intent: 'topic', topics: ['auto-mode'] });
  });

  it('rejects malformed and oversized bodies with a clear error', async () => {
    const bad = await fetch(`${running.url}/api/ask`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/JSON/);
    const wrong = await fetch(`${running.url}/api/ask`, { method: 'POST', body: '{"text": 5}' });
    expect(wrong.status).toBe(400);
    const huge = await fetch(`${running.url}/api/ask`, { method: 'POST', body: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200); // still alive
  });
});

describe('readiness with an unreachable store', () => {
  it('answers 503 on /readyz while /healthz stays 200', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STATE_STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const running = await startServer(config, { brain: createBrain(config), logger: createLogger('silent') });
    try {
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false, store: 'unreachable' });
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('local-only routes behind a proxy or tunnel', () => {
  it('refuses /api/ask and /api/feedback when a proxy relays the request', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
    const running = await startServer(config, { brain: createBrain(config), logger: createLogger('silent') });
    try {
      const relayed = { 'x-forwarded-for': '203.0.113.7' };
      const ask = await fetch(`${running.url}/api/ask`, {
        method: 'POST',
        headers: relayed,
        body: '{"text":"hi"}',
      });
      expect(ask.status).toBe(403);
      expect(
        (await fetch(`${running.url}/api/feedback`, { headers: { forwarded: 'for=203.0.113.7' } })).status,
      ).toBe(403);
      expect((await fetch(`${running.url}/api/feedback`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});
