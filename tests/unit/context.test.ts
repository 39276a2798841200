import { describe, expect, it } from 'vitest';
import { ThreadContexts } from '../../src/core/context.ts';
import { testBrain } from '../helpers/brain.ts';

describe('thread context', () => {
  it('resolves "what about IAM?", "why?", "more detail" and "and on EKS?" against the thread', async () => {
    const { thread } = testBrain();
    const t = thread();
    expect((await t.say('how does networking work on each')).topics).toEqual(['networking']);
    const iam = await t.say('what about IAM?');
    expect(iam.topics).toEqual(['iam']);
    const why = await t.say('why?');
    expect(why.topics).toEqual(['iam']);
    expect(why.title).toMatch(/^Why/);
    const more = await t.say('more detail');
    expect(more.topics).toEqual(['iam']);
    expect(more.detail.length).toBeGreaterThan(1);
    const eks = await t.say('and on EKS?');
    expect(eks.topics).toEqual(['iam']);
    expect(eks.title).toMatch(/EKS side/);
  });

  it('keeps threads apart', async () => {
    const { thread } = testBrain();
    const a = thread();
    const b = thread();
    await a.say('tell me about windows containers');
    await b.say('how does scaling work');
    expect((await a.say('more detail')).topics).toEqual(['windows']);
    expect((await b.say('more detail')).topics).toEqual(['scaling']);
  });

  it('stores context through the Store under the thread key, with a TTL', async () => {
    const { thread, store } = testBrain();
    const t = thread('slack:T1:C1:1700000000.000100');
    await t.say('what is eks auto mode');
    const saved = await store.get<{ lastTopic: string; turns: number }>(
      ThreadContexts.key('slack:T1:C1:1700000000.000100'),
    );
    expect(saved).toMatchObject({ lastTopic: 'auto-mode', turns: 1 });
  });

  it('continues a "Did you mean" with the number or name of a choice', async () => {
    const { thread } = testBrain();
    const t = thread();
    const clarify = await t.say('roles');
    expect(clarify.intent).toBe('clarify');
    const second = await t.say('2');
    expect(second.intent).toBe('topic');
    expect(second.topics).toEqual([clarify.topics[1]]);
  });

  it('answers a vague follow-up about "it" from the thread topic', async () => {
    const { thread } = testBrain();
    const t = thread();
    await t.say('eks extended support');
    const r = await t.say('what happens after that?');
    expect(r.topics).toEqual(['version-lifecycle']);
  });

  it('treats buttons like typed follow-ups', async () => {
    const { thread } = testBrain();
    const t = thread();
    const r = await t.say('', { action: { kind: 'more', label: 'More detail', topicId: 'spot' } });
    expect(r.topics).toEqual(['spot']);
    expect(r.detail.length).toBeGreaterThan(0);
    const bogus = await t.say('', { action: { kind: 'topic', label: 'x', topicId: 'no-such-topic' } });
    expect(bogus.intent).toBe('unknown');
  });

  it('refuses an oversized message politely instead of processing it', async () => {
    const { ask } = testBrain();
    const r = await ask('x'.repeat(5000));
    expect(r.title).toMatch(/too long/);
  });

  it('prices "that" with what the thread was about (extended support)', async () => {
    const { thread } = testBrain();
    const t = thread();
    await t.say('explain eks extended support');
    const cost = await t.say('how much is that per month for 4 clusters');
    expect(cost.intent).toBe('cost');
    const eks = (cost.estimate as { eks: { lineItems: Array<{ label: string; monthlyUsd: number }> } }).eks;
    // 4 clusters x 730 h x $0.60 = $1,752.00
    expect(eks.lineItems.find((l) => /control plane/.test(l.label))).toMatchObject({ monthlyUsd: 1752 });
  });

  it('keeps the subject when a follow-up only says where ("does it work on fargate?")', async () => {
    const { thread } = testBrain();
    const t = thread();
    await t.say('pod identity vs irsa');
    expect((await t.say('does it work on fargate?')).topics).toEqual(['pod-identity']);
    expect((await t.say('why?')).topics).toEqual(['pod-identity']);
  });
});
