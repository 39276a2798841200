import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize.ts';
import { testBrain } from '../helpers/brain.ts';

describe('normalize', () => {
  it('spells out slang and abbreviations whatever the casing', () => {
    expect(normalize('K8S Perms?')).toBe('kubernetes permissions?');
    expect(normalize('IRSA creds')).toContain('iam roles for service accounts credentials');
    expect(normalize('tl;dr')).toBe('tldr');
    expect(normalize('/ecs-vs-eks help')).toBe('help');
    expect(normalize('<@U123> hi')).toBe('hi');
  });
});

describe('understanding messy questions', () => {
  const { ask } = testBrain();
  const topicOf = async (q: string) => {
    const r = await ask(q);
    return `${r.intent}:${r.topics[0] ?? ''}`;
  };

  it.each([
    ['how do pods get aws creds on eks', 'topic:pod-identity'],
    ['IRSA vs pod identity??', 'topic:pod-identity'],
    ['k8s rbac vs iam', 'topic:rbac'],
    ['HPA vs ecs autoscaling', 'topic:scaling'],
    ['vpc CNI vs awsvpc', 'topic:networking'],
    ['which is cheaper', 'topic:pricing'],
    ['how much does the eks control plane cost', 'topic:pricing'],
    ['netwroking on ecs vs eks', 'topic:networking'],
    ['kubernets version upgrades, how long is a version supported', 'topic:version-lifecycle'],
    ['fargte limitations on eks', 'topic:fargate'],
    ['WINDOWS CONTAINERS?', 'topic:windows'],
    ['max pods per node on m5.large', 'topic:pods-per-node'],
    ['is app mesh dead', 'topic:service-mesh'],
    ['blue green deploys', 'topic:deployments'],
  ])('%s -> %s', async (q, expected) => {
    expect(await topicOf(q)).toBe(expected);
  });

  it('narrows to one side only when one side is named', async () => {
    const both = await ask('how do ecs and eks scale?');
    expect(both.topics).toEqual(['scaling']);
    expect(both.rows).toHaveLength(1);
    const { thread } = testBrain();
    const t = thread();
    await t.say('how does scaling work');
    expect((await t.say('and on eks?')).title).toMatch(/EKS side/);
  });

  it('treats "how much" about sizes as a question, not an estimate', async () => {
    const r = await ask('can an ECS Fargate task get more than 20 GB of ephemeral disk? up to how much?');
    expect(r.intent).toBe('topic');
    expect(`${r.summary} ${r.rows[0]?.ecs}`).toMatch(/200 GiB/);
  });

  it('routes the general comparison, help and empty text', async () => {
    expect((await ask('ecs vs eks')).intent).toBe('overview');
    expect((await ask('')).intent).toBe('overview');
    expect((await ask('whats the diff between ecs and eks')).intent).toBe('overview');
    expect((await ask('help')).intent).toBe('help');
    expect((await ask('what can you do?')).intent).toBe('help');
  });

  it('says briefly what it can do for off-topic questions and gibberish', async () => {
    for (const q of [
      'lunch? 🍕',
      'asdfgh qwerty',
      'whats the weather in paris',
      'write me a poem',
      'how do I cook rice',
    ]) {
      const r = await ask(q);
      expect(r.intent, q).toBe('unknown');
      expect(r.summary).toMatch(/ECS|EKS/);
      expect(r.sections[0]?.lines.length).toBeGreaterThan(0);
    }
  });

  it('asks "Did you mean ...?" when a word belongs to several topics', async () => {
    const r = await ask('roles');
    expect(r.intent).toBe('clarify');
    expect(r.summary).toMatch(/^Did you mean /);
    expect(r.topics.length).toBeGreaterThanOrEqual(2);
    expect(r.actions.every((a) => a.kind === 'topic')).toBe(true);
  });

  it('answers a topic question with both sides, a verdict and cited sources', async () => {
    const r = await ask('how does networking work');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.ecs).toMatch(/awsvpc/i);
    expect(r.rows[0]!.eks).toMatch(/CNI/);
    expect(r.verdict).toBeTruthy();
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.detail).toEqual([]); // detail waits until asked for
    expect(r.actions.some((a) => a.kind === 'more')).toBe(true);
  });

  it('answers with the facts people ask for', async () => {
    const price = await ask('how much is an eks cluster per month');
    expect(`${price.summary} ${price.rows[0]?.eks}`).toMatch(/\$0\.10/);
    expect(`${price.summary} ${price.rows[0]?.eks}`).toMatch(/\$73/);
    const fargate = await ask('eks fargate limitations');
    const text = `${fargate.summary} ${fargate.rows[0]?.eks}`;
    expect(text).toMatch(/DaemonSet/i);
    expect(text).toMatch(/one pod per/i);
  });
});
