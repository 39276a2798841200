import { describe, expect, it } from 'vitest';
import { renderText, toJsonAnswer } from '../../src/core/render-text.ts';
import { testBrain } from '../helpers/brain.ts';

describe('plain-text rendering', () => {
  const { ask } = testBrain();

  it('puts the answer first, then both sides, the verdict and dated sources', async () => {
    const text = renderText(await ask('pod identity vs irsa'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/Pod/);
    expect(text.indexOf('ECS:')).toBeLessThan(text.indexOf('EKS:'));
    expect(text.indexOf('EKS:')).toBeLessThan(text.indexOf('Verdict:'));
    expect(text).toMatch(/Sources:\n- .+ \(as of \d{4}-\d{2}-\d{2}\): https:\/\//);
    expect(text).not.toMatch(/\*\*|<[a-z]/); // no markup leaks into plain text
  });

  it('renders the overview as one row per dimension', async () => {
    const text = renderText(await ask('ecs vs eks'));
    expect(text).toMatch(/Orchestration model\n {2}ECS: .+\n {2}EKS: /);
    expect(text).toMatch(/Hybrid and on-premises/);
    expect((text.match(/\n {2}ECS: /g) ?? []).length).toBe(13);
  });

  it('produces the documented JSON answer shape', async () => {
    const json = toJsonAnswer(await ask('what about spot?'));
    expect(json).toMatchObject({ intent: 'topic', topics: ['spot'] });
    expect(typeof json.text).toBe('string');
    expect(json).not.toHaveProperty('estimate');
  });
});
