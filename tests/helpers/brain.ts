import { createBrain } from '../../src/brain.ts';
import type { Inbound, Reply } from '../../src/core/types.ts';
import { MemoryStore } from '../../src/state/memory-store.ts';

/** A real brain on a fresh in-memory store, plus a helper that keeps one thread going. */
export function testBrain() {
  const store = new MemoryStore();
  const brain = createBrain(
    { STATE_STORE: 'memory', DEFAULT_REGION: 'us-east-1', CONTEXT_TTL_SECONDS: 3600 },
    store,
  );
  let n = 0;
  const thread = (threadKey = `test:${++n}`) => ({
    threadKey,
    say: (text: string, extra: Partial<Inbound> = {}): Promise<Reply> =>
      brain.handler.handle({ text, userId: 'U1', threadKey, ...extra }),
  });
  const ask = (text: string) => thread().say(text);
  return { brain, store, thread, ask };
}
