import { randomUUID } from 'node:crypto';
import type { Store } from '../state/store.ts';
import type { Reply } from './types.ts';

/** Replies are kept for a day so "Share in channel" / "Post to channel" can re-post exactly what was shown. */
export const REPLY_TTL_SECONDS = 24 * 3600;

export async function saveReply(store: Store, reply: Reply): Promise<string> {
  const id = randomUUID();
  await store.set(`reply:${id}`, reply, REPLY_TTL_SECONDS);
  return id;
}

export async function loadReply(store: Store, id: string): Promise<Reply | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return store.get<Reply>(`reply:${id}`);
}
