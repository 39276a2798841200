// 👍/👎 feedback on answers, from any surface, kept through the Store so every replica sees it.
import { z } from 'zod';
import type { Store } from './state/store.ts';

export const FEEDBACK_KEY = 'feedback:log';
/** How many entries are kept; the oldest drop off first. */
export const FEEDBACK_MAX = 10_000;

export const feedbackSchema = z.strictObject({
  at: z.string(),
  platform: z.enum(['slack', 'teams', 'cli', 'local']),
  user: z.string().max(200),
  threadKey: z.string().max(500),
  vote: z.enum(['up', 'down']),
  reason: z.string().max(1000).optional(),
  intent: z.string().max(40),
  topics: z.array(z.string().max(80)).max(20),
  title: z.string().max(300),
});
export type FeedbackEntry = z.infer<typeof feedbackSchema>;

export async function recordFeedback(
  store: Store,
  entry: Omit<FeedbackEntry, 'at'>,
  now = new Date(),
): Promise<void> {
  const parsed = feedbackSchema.parse({ ...entry, at: now.toISOString() });
  await store.append(FEEDBACK_KEY, parsed, FEEDBACK_MAX);
}

export async function listFeedback(store: Store): Promise<FeedbackEntry[]> {
  return store.list<FeedbackEntry>(FEEDBACK_KEY);
}

/** A short report: totals, the share of 👍, per-topic counts and the latest 👎 reasons. */
export function formatFeedbackReport(entries: FeedbackEntry[]): string {
  if (entries.length === 0) return 'No feedback yet.';
  const up = entries.filter((e) => e.vote === 'up').length;
  const lines = [
    `Feedback: ${entries.length} votes, ${up} up / ${entries.length - up} down (${((100 * up) / entries.length).toFixed(0)}% helpful)`,
    '',
    'By topic (up/down):',
  ];
  const byTopic = new Map<string, { up: number; down: number }>();
  for (const e of entries) {
    for (const t of e.topics.length ? e.topics : [e.intent]) {
      const b = byTopic.get(t) ?? { up: 0, down: 0 };
      b[e.vote]++;
      byTopic.set(t, b);
    }
  }
  for (const [topic, b] of [...byTopic].sort((a, b) => b[1].up + b[1].down - (a[1].up + a[1].down))) {
    lines.push(`  ${topic.padEnd(22)} ${b.up}/${b.down}`);
  }
  const reasons = entries.filter((e) => e.vote === 'down' && e.reason).slice(-10);
  if (reasons.length) {
    lines.push('', 'Latest reasons given with a thumbs-down:');
    for (const e of reasons) lines.push(`  ${e.at.slice(0, 10)} [${e.platform}] "${e.title}": ${e.reason}`);
  }
  return lines.join('\n');
}
