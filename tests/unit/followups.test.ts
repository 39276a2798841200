import { describe, expect, it } from 'vitest';
import { testBrain } from '../helpers/brain.ts';

// Every "Try next" suggestion the bot offers must itself be understood in that thread.
const STARTS = [
  'ecs vs eks',
  'help',
  'how does networking work',
  'which should we choose?',
  'small team, no k8s experience',
  'cost 6 tasks 0.5 vcpu 1gb',
  'roles',
  'asdf qwer',
  'what is fargate',
  'cost',
  'eks auto mode',
];

describe('suggested follow-ups', () => {
  it.each(STARTS)('every suggestion after "%s" is understood in the same thread', async (start) => {
    const { thread } = testBrain();
    const first = await thread().say(start);
    expect(first.followUps.length, 'a reply offers next steps').toBeGreaterThan(0);
    for (const suggestion of first.followUps) {
      const t = thread();
      await t.say(start);
      const reply = await t.say(suggestion);
      expect(reply.intent, `"${suggestion}" after "${start}"`).not.toBe('unknown');
      expect(reply.intent, `"${suggestion}" after "${start}"`).not.toBe('clarify');
      expect(reply.title, `"${suggestion}" after "${start}"`).not.toMatch(/could not/);
    }
  });

  it('explains what would change a recommendation', async () => {
    const { thread } = testBrain();
    const t = thread();
    expect((await t.say('small team, no k8s experience')).pick).toBe('ecs');
    const flip = await t.say('what would change this to EKS?');
    expect(flip.title).toBe('What would make it Amazon EKS');
    expect(flip.sections[0]!.lines.join(' ')).toMatch(/Helm charts, operators, CRDs/);
  });
});
