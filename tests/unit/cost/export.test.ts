import { describe, expect, it } from 'vitest';
import {
  estimateToCsv,
  estimateToJson,
  estimateToText,
  toContractEstimate,
} from '../../../src/cost/index.ts';
import { est } from './helpers.ts';

const e = est('6 tasks with 0.5 vCPU and 1 GB');

describe('JSON contract', () => {
  it('has the documented fields, names and rounding', () => {
    const parsed = JSON.parse(estimateToJson(e));
    const c = parsed.estimate;
    expect(Object.keys(c).slice(0, 6)).toEqual([
      'region',
      'hoursPerMonth',
      'ecs',
      'eks',
      'assumptions',
      'pricesAsOf',
    ]);
    expect(c).toMatchObject({
      region: 'us-east-1',
      hoursPerMonth: 730,
      ecs: {
        monthlyUsd: 108.12,
        lineItems: [{ label: 'Fargate vCPU (6 tasks x 0.5 vCPU)', monthlyUsd: 88.65 }, {}],
      },
      eks: { monthlyUsd: 200.59 },
      pricesAsOf: '2026-09-09',
      differenceMonthlyUsd: 92.47,
    });
    expect(c.assumptions).toContain('Linux/x86, on-demand');
    expect(c.assumptions[0]).toMatch(/^730 hours per month/);
    expect(estimateToJson(e)).toContain('\n  "estimate": {');
    expect(toContractEstimate(e)).toEqual(c);
  });

  it('gives an unpriced side null and a reason', () => {
    const c = toContractEstimate(est('10 tasks 1 vcpu 2 gb graviton'));
    expect(c.eks.monthlyUsd).toBeNull();
    expect(c.eks.reason).toContain('Arm/Graviton');
    expect(c.differenceMonthlyUsd).toBeNull();
  });
});

describe('CSV', () => {
  it('lists line items, totals, the difference, assumptions and sources, quoting commas', () => {
    const csv = estimateToCsv(e);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,item,monthly_usd,yearly_usd,note');
    expect(lines[1]).toBe(
      'ecs,Fargate vCPU (6 tasks x 0.5 vCPU),88.65,1063.81,6 x 0.5 vCPU x 730 h x $0.04048',
    );
    expect(csv).toContain('ecs,Total (ECS on Fargate),108.12,1297.44,');
    expect(csv).toContain('eks,Total (EKS on Fargate),200.59,2407.07,');
    expect(csv).toContain('difference,EKS minus ECS,92.47,1109.63,');
    expect(csv).toContain('info,Prices as of,,,2026-09-09');
    expect(csv).toContain(
      'assumption,,,,Linux/x86, on-demand'.replace('Linux/x86, on-demand', '"Linux/x86, on-demand"'),
    );
    expect(csv).toContain(
      'source,AWS Fargate pricing (via price-list extracts): Fargate Linux/x86 vCPU-hour,,,https://aws.amazon.com/fargate/pricing/',
    );
  });
});

describe('text', () => {
  it('shows both sides, the verdict, assumptions and sources', () => {
    const t = estimateToText(e);
    expect(t).toContain('ECS — ECS on Fargate: $108.12/month, $1,297.44/year');
    expect(t).toContain('Verdict: EKS costs $92.47/month more');
    expect(t).toContain('Prices as of 2026-09-09');
  });
});
