import type { Store } from '../state/store.ts';
import type { ThreadContext } from './types.ts';

/** Thread context lives in the Store under one key per thread, so any replica can continue a thread. */
export class ThreadContexts {
  constructor(
    private readonly store: Store,
    private readonly ttlSeconds: number,
  ) {}

  static key(threadKey: string): string {
    return `ctx:${threadKey}`;
  }

  async load(threadKey: string): Promise<ThreadContext> {
    return (await this.store.get<ThreadContext>(ThreadContexts.key(threadKey))) ?? { turns: 0 };
  }

  async save(threadKey: string, context: ThreadContext): Promise<void> {
    await this.store.set(ThreadContexts.key(threadKey), context, this.ttlSeconds);
  }
}
