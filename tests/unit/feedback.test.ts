import { describe, expect, it } from 'vitest';
import { loadReply, saveReply } from '../../src/core/reply-store.ts';
import { formatFeedbackReport, listFeedback, recordFeedback } from '../../src/feedback.ts';
import { MemoryStore } from '../../src/state/memory-store.ts';
import { testBrain } from '../helpers/brain.ts';

describe('feedback', () => {
  it('is stored through the Store and reported per topic with the reasons', async () => {
    const store = new MemoryStore();
    const base = { user: 'U1', threadKey: 'slack:T:C:1', intent: 'topic', title: 'Networking' };
    await recordFeedback(store, { ...base, platform: 'slack', vote: 'up', topics: ['networking'] });
    await recordFeedback(store, {
      ...base,
      platform: 'teams',
      vote: 'down',
      topics: ['networking'],
      reason: 'missing IPv6',
    });
    const entries = await listFeedback(store);
    expect(entries).toHaveLength(2);
    const report = formatFeedbackReport(entries);
    expect(report).toMatch(/2 votes, 1 up \/ 1 down \(50% helpful\)/);
    expect(report).toMatch(/networking\s+1\/1/);
    expect(report).toMatch(/\[teams\] "Networking": missing IPv6/);
  });

  it('refuses malformed entries instead of storing them', async () => {
    const store = new MemoryStore();
    await expect(
      recordFeedback(store, {
        user: 'U',
        threadKey: 't',
        intent: 'topic',
        title: 't',
        topics: [],
        platform: 'slack',
        vote: 'meh' as 'up',
      }),
    ).rejects.toThrow();
    expect(await listFeedback(store)).toEqual([]);
    expect(formatFeedbackReport([])).toBe('No feedback yet.');
  });
});

describe('reply store', () => {
  it('keeps a reply so it can be re-posted, and ignores ids it did not issue', async () => {
    const { store, ask } = testBrain();
    const reply = await ask('what is fargate');
    const id = await saveReply(store, reply);
    expect(await loadReply(store, id)).toEqual(reply);
    expect(await loadReply(store, '../../etc/passwd')).toBeUndefined();
  });
});
