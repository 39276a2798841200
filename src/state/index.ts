import type { Config } from '../config.ts';
import { MemoryStore } from './memory-store.ts';
import { RedisStore } from './redis-store.ts';
import type { Store } from './store.ts';

export { MemoryStore } from './memory-store.ts';
export { RedisStore } from './redis-store.ts';
export type { Store } from './store.ts';

/** Picks the configured backend: memory for one process, Redis when several replicas share state. */
export function createStore(config: Pick<Config, 'STATE_STORE' | 'REDIS_URL'>): Store {
  if (config.STATE_STORE === 'redis') return new RedisStore(config.REDIS_URL!);
  return new MemoryStore();
}
