import type { Config } from '../config.ts';
import { MemoryStore } from './memory-store.ts';
import type { Store } from './store.ts';

export { MemoryStore } from './memory-store.ts';
export type { Store } from './store.ts';

/** Picks the configured backend. Redis support lands with the scale-out work; until then it fails loudly. */
export function createStore(config: Pick<Config, 'STATE_STORE'>): Store {
  if (config.STATE_STORE === 'redis') {
    throw new Error('STATE_STORE=redis is not available in this build yet; use STATE_STORE=memory.');
  }
  return new MemoryStore();
}
