import { describe, expect, it } from 'vitest';
import {
  type CostRequest,
  defaultRequest,
  estimateCost,
  toContractEstimate,
} from '../../../src/cost/index.ts';
import { est, line, NOW, req, snapshot } from './helpers.ts';

describe('ECS and EKS on Fargate (hand-worked)', () => {
  it('matches the contract example: 6 tasks x 0.5 vCPU / 1 GB in us-east-1', () => {
    const e = est('6 tasks with 0.5 vCPU and 1 GB');
    // ECS vCPU:   6 x 0.5 x 0.04048 x 730 = 88.6512 -> 88.65
    // ECS memory: 6 x 1 x 0.004445 x 730 = 19.4691 -> 19.47; total 108.1203 -> 108.12
    expect(line(e.ecs.lineItems, 'Fargate vCPU (6 tasks x 0.5 vCPU)')).toBeCloseTo(88.6512, 10);
    expect(line(e.ecs.lineItems, 'Fargate memory')).toBeCloseTo(19.4691, 10);
    // EKS pods: 1 GB + 0.25 GB = 1.25 GB -> 0.5 vCPU / 2 GB
    // vCPU 88.6512 + memory 6 x 2 x 0.004445 x 730 = 38.9382 + control plane 0.10 x 730 = 73 -> 200.5894
    expect(line(e.eks.lineItems, 'Fargate memory (6 pods x 2 GB)')).toBeCloseTo(38.9382, 10);
    expect(line(e.eks.lineItems, 'EKS control plane')).toBeCloseTo(73, 10);
    const c = toContractEstimate(e);
    expect(c.ecs.monthlyUsd).toBe(108.12);
    expect(c.eks.monthlyUsd).toBe(200.59);
    expect(c.ecs.lineItems[0]).toMatchObject({
      label: 'Fargate vCPU (6 tasks x 0.5 vCPU)',
      monthlyUsd: 88.65,
    });
    expect(c.pricesAsOf).toBe('2026-09-09'); // oldest of 2026-09-20 (vCPU), 2026-09-09 (GB), 2026-09-28 (EKS)
    expect(c.hoursPerMonth).toBe(730);
    expect(e.differenceMonthlyUsd).toBe(92.47); // 200.59 - 108.12
    expect(c.ecs.yearlyUsd).toBe(1297.44); // 108.1203 x 12 = 1297.4436
    expect(e.eks.notes.join(' ')).toContain('fargate-pod-configuration.html');
    expect(e.sources.map((s) => s.url)).toContain(
      'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html',
    );
  });

  it('prices eu-west-1 and rounds 465.8495 half up', () => {
    const e = est('10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1');
    // ECS: 10 x (1 x 0.04048 + 2 x 0.004445) x 730 = 10 x 0.04937 x 730 = 360.401
    // EKS: 2.25 GB -> 1 vCPU / 3 GB: 10 x (0.04048 + 3 x 0.004445) x 730 = 392.8495, + 73 = 465.8495
    expect(e.ecs.monthlyUsd).toBeCloseTo(360.401, 9);
    expect(e.eks.monthlyUsd).toBeCloseTo(465.8495, 9);
    expect(toContractEstimate(e).eks.monthlyUsd).toBe(465.85);
    expect(e.pricesAsOf).toBe('2026-05-01');
  });

  it('applies business hours to compute but bills the control plane all month', () => {
    const e = est('8 pods 2048 MiB 0.25 vCPU business hours');
    // hours = 730 x 50/168 = 217.2619048
    // ECS: 8 x 0.25 x 0.04048 x 217.2619 = 17.5895238; 8 x 2 x 0.004445 x 217.2619 = 15.4516667 -> 33.0411905
    // EKS: 2 GB + 0.25 -> 0.5 vCPU / 3 GB: 8 x 0.5 x 0.04048 x 217.2619 = 35.1790476;
    //      8 x 3 x 0.004445 x 217.2619 = 23.1775; control plane 0.10 x 730 = 73 -> 131.3565476
    expect(e.hoursPerMonth).toBeCloseTo(217.2619048, 6);
    expect(e.ecs.monthlyUsd).toBeCloseTo(33.0411905, 6);
    expect(e.eks.monthlyUsd).toBeCloseTo(131.3565476, 6);
    expect(toContractEstimate(e).hoursPerMonth).toBe(217.26);
    expect(e.assumptions.join('\n')).toContain('business hours: 10 h/day, Monday-Friday = 730 x 50/168');
    expect(e.assumptions.join('\n')).toContain('bill all 730 hours');
  });

  it('charges ephemeral storage over 20 GB on ECS and explains EKS', () => {
    const e = est('5 tasks 1 vcpu 2 gb 50 GB ephemeral storage');
    // 5 tasks x (50 - 20) GB x 0.000111 x 730 = 12.1545
    expect(line(e.ecs.lineItems, 'Fargate ephemeral storage')).toBeCloseTo(12.1545, 10);
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.eks.reason).toContain('ephemeral storage');
  });
});

describe('EC2, Auto Mode, control plane', () => {
  it('prices 3 m5.large nodes on both sides', () => {
    const e = est('3 m5.large nodes');
    // 3 x 0.096 x 730 = 210.24; EKS adds 1 x 0.10 x 730 = 73 -> 283.24
    expect(e.ecs.monthlyUsd).toBeCloseTo(210.24, 10);
    expect(e.eks.monthlyUsd).toBeCloseTo(283.24, 10);
    expect(e.verdict).toBe(
      'EKS costs $73.00/month more: the control-plane fee for 1 cluster ($73.00); compute is priced the same on both.',
    );
    expect(e.pricesAsOf).toBe('2026-07-20');
  });

  it('prices extended support for 2 clusters at $0.60 per cluster-hour', () => {
    const e = est('3 m5.large nodes, 2 clusters on extended support');
    // 2 x 0.60 x 730 = 876.00
    expect(line(e.eks.lineItems, 'EKS control plane (2 clusters, extended support)')).toBeCloseTo(876, 10);
    expect(e.verdict).toContain('2 clusters on extended support ($876.00)');
    expect(e.ecs.notes.join(' ')).toContain('ECS has no cluster or control-plane fee');
  });

  it('adds the Auto Mode fee where the snapshot has it', () => {
    const e = est('3 m7g.large auto mode');
    // EC2 3 x 0.0816 x 730 = 178.704; fee 3 x 0.00979 x 730 = 21.4401; + 73 -> 273.1441
    expect(e.ecs.monthlyUsd).toBeCloseTo(178.704, 10);
    expect(line(e.eks.lineItems, 'EKS Auto Mode fee m7g.large')).toBeCloseTo(21.4401, 10);
    expect(e.eks.monthlyUsd).toBeCloseTo(273.1441, 10);
    expect(e.verdict).toContain('the EKS Auto Mode fee ($21.44)');
  });

  it('does not guess an unknown Auto Mode fee; the 12% rule of thumb is only a labelled note', () => {
    const e = est('3 m6i.large auto mode');
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.eks.reason).toContain('EKS Auto Mode fee for m6i.large in us-east-1');
    // priced part: EC2 3 x 0.096 x 730 = 210.24 + control plane 73 = 283.24 (no fee in it)
    expect(e.eks.pricedPartMonthlyUsd).toBeCloseTo(283.24, 10);
    // note: 12% x 0.096 x 3 x 730 = 25.2288 -> "about $25.23/month", not in any total
    expect(e.eks.notes.join(' ')).toContain('Rough guide only, not in any total');
    expect(e.eks.notes.join(' ')).toContain('$25.23');
    expect(e.ecs.monthlyUsd).toBeCloseTo(210.24, 10);
  });

  it('uses Graviton EC2 prices on both sides', () => {
    const e = est('2 m7g.large nodes');
    // 2 x 0.0816 x 730 = 119.136
    expect(e.ecs.monthlyUsd).toBeCloseTo(119.136, 10);
    expect(e.request.arch).toBe('arm');
  });

  it('says which region has an EC2 price when the asked one has none', () => {
    const e = est('price 4 c6i.large in frankfurt with an alb and 2 nat gateways');
    expect(e.ecs.monthlyUsd).toBeNull();
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.ecs.reason).toContain('EC2 c6i.large in eu-central-1 (priced only in us-east-1)');
    expect(e.ecs.reason).toContain('Application Load Balancer in eu-central-1');
    expect(e.verdict).toMatch(/^Neither side can be priced/);
  });
});

describe('Spot, Arm, Windows, GPU', () => {
  it('shows Fargate Spot as a range on ECS and explains EKS', () => {
    const e = est('10 tasks 1 vcpu 2 gb fargate spot');
    // on-demand 10 x (0.04048 + 2 x 0.004445) x 730 = 360.401; floor at 70% off: 360.401 x 0.3 = 108.1203
    expect(e.ecs.monthlyUsd).toBeCloseTo(360.401, 9);
    expect(e.ecs.monthlyRangeUsd?.min).toBeCloseTo(108.1203, 9);
    expect(e.ecs.monthlyRangeUsd?.max).toBeCloseTo(360.401, 9);
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.eks.reason).toContain('no Fargate Spot');
    expect(e.sources.map((s) => s.url)).toContain('https://aws.amazon.com/fargate/pricing/');
  });

  it('uses Fargate Arm rates on ECS and explains that EKS Fargate has no Arm', () => {
    const e = est('10 tasks 1 vcpu 2 gb graviton');
    // 10 x (0.03238 + 2 x 0.00356) x 730 = 10 x 0.0395 x 730 = 288.35
    expect(e.ecs.monthlyUsd).toBeCloseTo(288.35, 9);
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.eks.reason).toContain('does not support Arm/Graviton');
  });

  it('says an Arm price is absent where the snapshot has none', () => {
    const e = est('10 tasks 1 vcpu 2 gb graviton in oregon');
    expect(e.ecs.monthlyUsd).toBeNull();
    expect(e.ecs.reason).toContain('Fargate Arm vCPU in us-west-2');
  });

  it('prices Windows on ECS Fargate with a low-confidence warning and explains EKS', () => {
    const e = est('2 tasks windows 1 vcpu 2gb');
    // 2 x 1 x 0.13748 x 730 = 200.7208; 2 x 2 x 0.01005 x 730 = 29.346 -> 230.0668
    expect(e.ecs.monthlyUsd).toBeCloseTo(230.0668, 9);
    expect(e.eks.reason).toContain('does not run Windows pods');
    expect(e.warnings.join(' ')).toContain('Low-confidence price used: Fargate Windows vCPU-hour');
  });

  it('explains that neither side has GPUs on Fargate', () => {
    const e = est('4 tasks gpu');
    expect(e.ecs.monthlyUsd).toBeNull();
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.verdict).toContain('Fargate has no GPUs');
  });
});

describe('shared lines', () => {
  it('adds ALB, NAT, logs and public IPv4 equally to both sides', () => {
    const e = est(
      '2 m5.large nodes with an alb, 2 nat gateways, 500 GB through nat, 100 GB of logs and 3 public ips',
    );
    // ALB 0.0225 x 730 = 16.425; LCU 1 x 0.008 x 730 = 5.84; NAT 2 x 0.045 x 730 = 65.70;
    // NAT data 500 x 0.045 = 22.50; logs 100 x 0.50 = 50.00; IPv4 3 x 0.005 x 730 = 10.95 -> 171.415
    const shared = (items: { kind: string; monthlyUsd: number }[]) =>
      items.filter((i) => i.kind === 'shared').reduce((a, i) => a + i.monthlyUsd, 0);
    expect(shared(e.ecs.lineItems)).toBeCloseTo(171.415, 9);
    expect(shared(e.eks.lineItems)).toBeCloseTo(171.415, 9);
    // EC2 2 x 0.096 x 730 = 140.16 -> ECS 311.575, EKS + 73 = 384.575
    expect(e.ecs.monthlyUsd).toBeCloseTo(311.575, 9);
    expect(e.eks.monthlyUsd).toBeCloseTo(384.575, 9);
    expect(e.assumptions.join('\n')).toContain('the same on both sides');
  });

  it('carries low confidence through (eu-central-1 NAT hour)', () => {
    const e = est('2 tasks in frankfurt with a nat gateway');
    // 1 x 0.052 x 730 = 37.96
    expect(line(e.ecs.lineItems, 'NAT gateway hours')).toBeCloseTo(37.96, 10);
    expect(e.warnings.join(' ')).toContain('Low-confidence price used: NAT gateway hour in eu-central-1');
  });
});

describe('assumptions, staleness, robustness', () => {
  it('lists each default used', () => {
    const e = estimateCost(defaultRequest(), snapshot, { now: NOW });
    const a = e.assumptions.join('\n');
    expect(a).toContain('730 hours per month');
    expect(a).toContain('Linux/x86, on-demand');
    expect(a).toContain('Region us-east-1 (N. Virginia) (default)');
    expect(a).toContain('1 task/pod (default)');
    expect(a).toContain('0.25 vCPU per task');
    expect(a).toContain('1 cluster (default)');
    expect(a).toContain('Compute: Fargate (default');
    expect(a).toContain('oldest as-of date');
  });

  it('warns when the snapshot is older than 120 days', () => {
    const r = req('3 m5.large nodes');
    const fresh = estimateCost(r, snapshot, { now: new Date('2027-03-28T00:00:00Z') }); // 120 days
    expect(fresh.warnings.filter((w) => w.includes('pricing snapshot'))).toEqual([]);
    const stale = estimateCost(r, snapshot, { now: new Date('2027-04-01T00:00:00Z') }); // 124 days
    expect(stale.warnings[0]).toContain(
      'The pricing snapshot is from 2026-11-28, 124 days ago (more than 120)',
    );
  });

  it('flags partly dated and old prices (us-west-2)', () => {
    const e = est('4 tasks in oregon');
    expect(e.pricesAsOf).toBe('2021-01-01');
    expect(e.assumptions.join('\n')).toContain(
      'Fargate Linux/x86 GB-hour (source gives only the month: 2021-01)',
    );
    expect(e.warnings.join('\n')).toContain('source dated 2021-01-01');
  });

  it('never throws or returns NaN for a hand-built bad request', () => {
    const bad: CostRequest = { ...defaultRequest(), tasks: Number.NaN, vcpu: 0, region: 'mars-1' };
    const e = estimateCost(bad, snapshot, { now: NOW });
    expect(e.ecs.monthlyUsd).toBeNull();
    expect(e.eks.monthlyUsd).toBeNull();
    expect(e.ecs.reason).toContain('unknown region "mars-1"');
    expect(JSON.stringify(toContractEstimate(e))).not.toContain('NaN');
  });
});
