import type { Config } from './config.ts';
import type { Knowledge } from './core/answer.ts';
import { createCostAnswerer } from './core/cost-answer.ts';
import { createHandler, type Handler } from './core/handler.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createStore, type Store } from './state/index.ts';

export interface Brain {
  handler: Handler;
  store: Store;
  knowledge: Knowledge;
}

/** Wires the shared brain: knowledge base + cost engine + state store -> one intent handler. */
export function createBrain(
  config: Pick<Config, 'STATE_STORE' | 'REDIS_URL' | 'DEFAULT_REGION' | 'CONTEXT_TTL_SECONDS'>,
  store?: Store,
): Brain {
  const knowledge = loadKnowledge();
  const state = store ?? createStore(config);
  const handler = createHandler({
    knowledge,
    store: state,
    cost: createCostAnswerer({ defaultRegion: config.DEFAULT_REGION }),
    contextTtlSeconds: config.CONTEXT_TTL_SECONDS,
  });
  return { handler, store: state, knowledge };
}
