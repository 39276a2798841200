import { describe, expect, it } from 'vitest';
import { checkFargateSize, eksFargatePodSize } from '../../../src/cost/fargate.ts';

describe('Fargate sizes', () => {
  it('accepts every documented size', () => {
    for (const [v, m] of [
      [0.25, 0.5],
      [0.25, 2],
      [0.5, 4],
      [1, 8],
      [2, 16],
      [4, 30],
      [8, 60],
      [16, 120],
      [16, 32],
      [8, 20],
    ] as const) {
      expect(checkFargateSize(v, m), `${v}/${m}`).toBeNull();
    }
  });

  it('names the valid memory for the vCPU when the pair is invalid', () => {
    expect(checkFargateSize(0.25, 500)).toBe(
      '500 GB is not valid with 0.25 vCPU: 0.25 vCPU allows 0.5, 1 or 2 GB',
    );
    expect(checkFargateSize(1, 16)).toContain(
      '1 vCPU allows 2-8 GB in 1 GB steps (16 GB is valid with 2 vCPU or 4 vCPU or 8 vCPU)',
    );
    expect(checkFargateSize(8, 18)).toContain('16-60 GB in 4 GB steps');
    expect(checkFargateSize(16, 36)).toContain('32-120 GB in 8 GB steps');
    expect(checkFargateSize(3, 8)).toContain('valid vCPU values are 0.25, 0.5, 1, 2, 4, 8, 16');
  });
});

describe('EKS Fargate pod rounding (+256 MB, then next valid size)', () => {
  it.each([
    // request            -> + 0.25 GB      -> billed
    [1, 8, 2, 9], // 8.25 GB is over the 1 vCPU maximum (8), so 2 vCPU; smallest >= 8.25 there is 9 GB
    [0.5, 1, 0.5, 2], // 1.25 GB -> 2 GB in the 0.5 vCPU tier
    [0.25, 0.5, 0.25, 1], // 0.75 GB -> 1 GB
    [0.25, 2, 0.5, 3], // 2.25 GB is over 0.25 vCPU's 2 GB -> 0.5 vCPU / 3 GB
    [2, 1, 2, 4], // 1.25 GB is under the 2 vCPU minimum -> 4 GB
    [4, 30, 8, 32], // 30.25 GB -> 8 vCPU tier, 4 GB steps from 16: 32 GB
    [0.3, 1, 0.5, 2], // a pod may request 0.3 vCPU: next tier is 0.5
  ])('%s vCPU / %s GB -> %s vCPU / %s GB', (v, m, ev, em) => {
    expect(eksFargatePodSize(v, m)).toMatchObject({ vcpu: ev, memoryGb: em });
  });

  it('returns null when nothing is large enough', () => {
    expect(eksFargatePodSize(16, 120)).toBeNull(); // 120.25 GB > 120 GB maximum
  });
});
