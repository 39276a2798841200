import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/state/memory-store.ts';

describe('MemoryStore', () => {
  it('stores values with a TTL and forgets them after it', async () => {
    let now = 1_000;
    const store = new MemoryStore(() => now);
    await store.set('k', { a: 1 }, 10);
    expect(await store.get('k')).toEqual({ a: 1 });
    now += 10_001;
    expect(await store.get('k')).toBeUndefined();
  });

  it('returns copies, so callers cannot change stored state by accident', async () => {
    const store = new MemoryStore();
    const value = { list: [1] };
    await store.set('k', value, 60);
    value.list.push(2);
    const got = await store.get<{ list: number[] }>('k');
    got!.list.push(3);
    expect(await store.get('k')).toEqual({ list: [1] });
  });

  it('reports first-seen exactly once per key, even for concurrent callers', async () => {
    const store = new MemoryStore();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.firstSeen('evt:1', 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.firstSeen('evt:2', 60)).toBe(true);
  });

  it('lets a dedupe key be seen again once its TTL has passed', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    expect(await store.firstSeen('x', 1)).toBe(true);
    expect(await store.firstSeen('x', 1)).toBe(false);
    now = 1_001;
    expect(await store.firstSeen('x', 1)).toBe(true);
  });

  it('keeps only the newest items of a capped list', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 5; i++) await store.append('fb', { i }, 3);
    expect(await store.list('fb')).toEqual([{ i: 2 }, { i: 3 }, { i: 4 }]);
    await store.delete('fb');
    expect(await store.list('fb')).toEqual([]);
    expect(await store.ping()).toBe(true);
  });
});
