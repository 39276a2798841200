import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/state/memory-store.ts';
import { RedisStore } from '../../src/state/redis-store.ts';
import type { Store } from '../../src/state/store.ts';
import { startRedis } from '../helpers/redis.ts';

// One contract, two backends: whatever works on memory must work the same on a real redis-server.
let redis: Awaited<ReturnType<typeof startRedis>>;
beforeAll(async () => {
  redis = await startRedis();
  if (!redis && process.env.CI) throw new Error('CI must provide redis-server (see .ci/run)');
});
afterAll(() => redis?.stop());

const backends: Array<[string, () => Store | undefined]> = [
  ['memory', () => new MemoryStore()],
  ['redis', () => (redis ? new RedisStore(redis.url, `test:${Math.random()}:`) : undefined)],
];

describe.each(backends)('%s store contract', (name, make) => {
  const withStore = (fn: (s: Store) => Promise<void>) => async () => {
    const store = make();
    if (!store) {
      console.warn(`skipping ${name} store: redis-server is not installed`);
      return;
    }
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  it(
    'round-trips JSON values and deletes them',
    withStore(async (s) => {
      await s.set('ctx:a', { lastTopic: 'iam', turns: 2, nested: { list: [1, 'x'] } }, 60);
      expect(await s.get('ctx:a')).toEqual({ lastTopic: 'iam', turns: 2, nested: { list: [1, 'x'] } });
      await s.delete('ctx:a');
      expect(await s.get('ctx:a')).toBeUndefined();
    }),
  );

  it(
    'grants first-seen to exactly one of many concurrent callers',
    withStore(async (s) => {
      const results = await Promise.all(Array.from({ length: 25 }, () => s.firstSeen('dedupe:evt', 60)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }),
  );

  it(
    'expires keys after their TTL',
    withStore(async (s) => {
      await s.set('short', 1, 1);
      expect(await s.firstSeen('short-dedupe', 1)).toBe(true);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await s.get('short')).toBeUndefined();
      expect(await s.firstSeen('short-dedupe', 1)).toBe(true);
    }),
  );

  it(
    'keeps a capped list in insertion order and answers ping',
    withStore(async (s) => {
      for (let i = 0; i < 6; i++) await s.append('log', { i }, 4);
      expect(await s.list('log')).toEqual([{ i: 2 }, { i: 3 }, { i: 4 }, { i: 5 }]);
      expect(await s.ping()).toBe(true);
    }),
  );
});

describe('redis store when Redis is down', () => {
  it('reports not ready instead of hanging', async () => {
    const store = new RedisStore('redis://127.0.0.1:1');
    expect(await store.ping()).toBe(false);
    await store.close();
  });
});
