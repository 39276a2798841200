// 👍/👎 on a Slack answer -> the shared feedback log (src/feedback.ts), once per user and answer.
import { loadReply, REPLY_TTL_SECONDS } from '../../src/core/reply-store.ts';
import { recordFeedback } from '../../src/feedback.ts';
import type { SlackDeps } from './deliver.ts';
import { shorten } from './limits.ts';

export interface Vote {
  user: string;
  threadKey: string;
  replyId?: string;
  vote: 'up' | 'down';
  reason?: string;
}

/** Records a vote; false when this user already voted on this answer (a double click, or a second try). */
export async function recordVote(deps: SlackDeps, vote: Vote): Promise<boolean> {
  const store = deps.brain.store;
  const once = `slack:vote:${vote.replyId ?? vote.threadKey}:${vote.user}`;
  if (!(await store.firstSeen(once, REPLY_TTL_SECONDS))) return false;
  const reply = vote.replyId ? await loadReply(store, vote.replyId) : undefined;
  await recordFeedback(store, {
    platform: 'slack',
    user: vote.user,
    threadKey: vote.threadKey,
    vote: vote.vote,
    ...(vote.reason ? { reason: shorten(vote.reason, 1000) } : {}),
    intent: reply?.intent ?? 'unknown',
    topics: (reply?.topics ?? []).slice(0, 20),
    title: shorten(reply?.title ?? '(answer no longer stored)', 300),
  });
  return true;
}
