import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize.ts';
import { detectFactors, readPositionalAnswers, recommend } from '../../src/core/recommend.ts';
import { testBrain } from '../helpers/brain.ts';

describe('recommendation', () => {
  it('reads the deciding factors out of plain words', () => {
    expect(detectFactors(normalize('small team, no Kubernetes experience'))).toMatchObject({
      smallTeam: true,
      noK8sSkills: true,
    });
    expect(detectFactors(normalize('nobody here knows k8s'))).not.toHaveProperty('k8sSkills');
    expect(detectFactors(normalize('we already run Kubernetes on-prem'))).toMatchObject({
      runsK8sAlready: true,
      portability: true,
    });
    expect(detectFactors(normalize('we use helm charts and operators'))).toMatchObject({
      k8sEcosystem: true,
    });
  });

  it('reads "no helm", "no gpu", "don\'t need windows" as ruling a need out', () => {
    const f = detectFactors(normalize('no k8s experience, aws only, no helm, no gpu, no platform team'));
    expect(f).toEqual({ noK8sSkills: true, awsOnly: true, smallTeam: true });
    expect(detectFactors(normalize("we don't need windows"))).toEqual({});
    expect(detectFactors(normalize('we use helm and need gpus'))).toMatchObject({
      k8sEcosystem: true,
      gpu: true,
    });
  });

  it('weighs them into a pick with reasons', () => {
    expect(recommend({ noK8sSkills: true, smallTeam: true }).pick).toBe('ecs');
    expect(recommend({ runsK8sAlready: true, portability: true }).pick).toBe('eks');
    expect(recommend({}).pick).toBe('ask');
    expect(recommend({ noK8sSkills: true }).reasons[0]).toMatch(/Kubernetes/);
  });

  it('reads a list of yes/no answers in question order', () => {
    expect(readPositionalAnswers('no, no, no, no, no')).toEqual({
      noK8sSkills: true,
      awsOnly: true,
      smallTeam: true,
    });
    expect(readPositionalAnswers('1. yes 2. yes 3. yes 4. no 5. yes')).toMatchObject({
      k8sSkills: true,
      portability: true,
      k8sEcosystem: true,
      platformTeam: true,
    });
    expect(readPositionalAnswers('no idea what you mean by that whole thing')).toBeUndefined();
  });

  it('recommends ECS to a small team with no Kubernetes experience', async () => {
    const { ask } = testBrain();
    const r = await ask('small team, no kubernetes experience. which should we choose?');
    expect(r.intent).toBe('recommend');
    expect(r.pick).toBe('ecs');
    expect(r.sections[0]!.lines.length).toBeGreaterThan(0);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it('recommends EKS to a team that already runs Kubernetes on-prem', async () => {
    const { ask } = testBrain();
    const r = await ask('we already run Kubernetes on-prem');
    expect(r.pick).toBe('eks');
  });

  it('asks the deciding questions when told too little, then answers in the thread', async () => {
    const { thread } = testBrain();
    const t = thread();
    const first = await t.say('which should we choose?');
    expect(first.pick).toBe('ask');
    const questions = first.sections[0]!.lines.join(' ');
    for (const word of [
      /Kubernetes/,
      /multi-cloud|portability/,
      /Helm|operators|CRDs/,
      /GPU|Windows/,
      /ops team|platform/,
    ]) {
      expect(questions).toMatch(word);
    }
    const answer = await t.say('5 devs, nobody knows kubernetes, everything is on aws');
    expect(answer.intent).toBe('recommend');
    expect(answer.pick).toBe('ecs');
    const why = await t.say('why?');
    expect(why.pick).toBe('ecs');
  });

  it('accepts answers as a yes/no list', async () => {
    const { thread } = testBrain();
    const t = thread();
    await t.say('help me choose');
    const r = await t.say('yes, yes, yes, no, yes');
    expect(r.pick).toBe('eks');
  });
});
