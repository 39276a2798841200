import { describe, expect, it } from 'vitest';
import { compareEstimates } from '../../../src/cost/format.ts';
import { estimateCost, hasCostSignals, parseCostRequest } from '../../../src/cost/index.ts';
import { NOW, problems, req, snapshot } from './helpers.ts';

describe('parser: the issue examples', () => {
  it('"10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1"', () => {
    expect(req('10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1')).toMatchObject({
      tasks: 10,
      vcpu: 1,
      memoryGb: 2,
      compute: 'fargate',
      region: 'eu-west-1',
    });
  });

  it('"3 m5.large nodes"', () => {
    expect(req('3 m5.large nodes')).toMatchObject({
      compute: 'ec2',
      instanceType: 'm5.large',
      nodes: 3,
      arch: 'x86',
    });
  });

  it('"2 clusters on extended support"', () => {
    expect(req('2 clusters on extended support')).toMatchObject({ clusters: 2, support: 'extended' });
  });

  it('"20 services x 3 replicas, 0.5 vCPU / 1 GB"', () => {
    expect(req('20 services x 3 replicas, 0.5 vCPU / 1 GB')).toMatchObject({
      tasks: 60,
      vcpu: 0.5,
      memoryGb: 1,
    });
    expect(req('20 services × 3 replicas each, 0.5 vCPU / 1 GB').tasks).toBe(60);
  });

  it('"8 pods 2048 MiB 0.25 vCPU business hours"', () => {
    const r = req('8 pods 2048 MiB 0.25 vCPU business hours');
    expect(r).toMatchObject({
      tasks: 8,
      memoryGb: 2,
      vcpu: 0.25,
      schedule: { hoursPerDay: 10, daysPerWeek: 5 },
    });
    expect(r.hoursPerMonth).toBeCloseTo(217.2619, 4);
  });

  it('"cost --tasks 10 --cpu 1 --memory 2 --region eu-west-1"', () => {
    expect(req('cost --tasks 10 --cpu 1 --memory 2 --region eu-west-1')).toMatchObject({
      tasks: 10,
      vcpu: 1,
      memoryGb: 2,
      region: 'eu-west-1',
    });
    expect(req('--tasks=4 --cpu 1024 --memory 3072 --spot --region=oregon')).toMatchObject({
      tasks: 4,
      vcpu: 1,
      memoryGb: 3,
      spot: true,
      region: 'us-west-2',
    });
  });

  it('"how much for 5 tasks 512 cpu units 1024 memory"', () => {
    const r = parseCostRequest('how much for 5 tasks 512 cpu units 1024 memory', undefined, { snapshot });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toMatchObject({ tasks: 5, vcpu: 0.5, memoryGb: 1 });
    expect(r.changed).toContain('512 CPU units = 0.5 vCPU');
    expect(r.changed).toContain('1024 MiB = 1 GB');
  });

  it('"price 4 c6i.large in frankfurt with an alb and 2 nat gateways"', () => {
    expect(req('price 4 c6i.large in frankfurt with an alb and 2 nat gateways')).toMatchObject({
      compute: 'ec2',
      instanceType: 'c6i.large',
      nodes: 4,
      region: 'eu-central-1',
      extras: { alb: 1, natGateways: 2 },
    });
  });

  it('other phrasings: hours, Auto Mode, logs, AZs', () => {
    expect(req('5 tasks 12 hours a day').hoursPerMonth).toBe(365); // 730 x 84/168
    expect(req('5 tasks weekdays only').hoursPerMonth).toBeCloseTo(521.428571, 5); // 730 x 120/168
    expect(req('5 tasks 8h/day').hoursPerMonth).toBeCloseTo(243.333333, 5); // 730 x 56/168
    expect(req('5 tasks 8h/day weekdays').hoursPerMonth).toBeCloseTo(173.809524, 5); // 730 x 40/168
    expect(req('5 tasks 300 hours per month').hoursPerMonth).toBe(300);
    expect(req('3 m7g.large on auto mode').compute).toBe('auto-mode');
    expect(req('2 tasks with nat in 3 AZs').extras.natGateways).toBe(3);
    expect(req('2 tasks, 250 GB of logs per month').extras.logsGb).toBe(250);
  });

  it('defaults the other half of a Fargate size when only one is given', () => {
    expect(req('4 tasks with 1 vCPU')).toMatchObject({ vcpu: 1, memoryGb: 2 });
    expect(req('4 tasks with 9 GB')).toMatchObject({ vcpu: 2, memoryGb: 9 });
    expect(req('nothing specific')).toMatchObject({
      tasks: 1,
      vcpu: 0.25,
      memoryGb: 0.5,
      region: 'us-east-1',
    });
  });

  it('honours a configured default region for new requests', () => {
    const r = parseCostRequest('3 tasks', undefined, { snapshot, defaultRegion: 'eu-west-1' });
    expect(r.ok && r.request.region).toBe('eu-west-1');
  });
});

describe('region names', () => {
  it.each([
    ['Ireland', 'eu-west-1'],
    ['Frankfurt', 'eu-central-1'],
    ['N. Virginia', 'us-east-1'],
    ['Virginia', 'us-east-1'],
    ['Oregon', 'us-west-2'],
    ['Singapore', 'ap-southeast-1'],
    ['us east', 'us-east-1'],
    ['eu west 1', 'eu-west-1'],
    ['EU-WEST-1', 'eu-west-1'],
    ['ap southeast 1', 'ap-southeast-1'],
  ])('"%s" -> %s', (name, code) => {
    expect(req(`3 tasks in ${name}`).region).toBe(code);
  });

  it('lists the supported regions for unknown or unpriced ones', () => {
    expect(problems('3 tasks in eu-west-9')[0]).toBe('Unknown region "eu-west-9"');
    const london = problems('3 tasks in london');
    expect(london[0]).toContain(
      'eu-west-2 (London) has no prices in the pricing snapshot; supported regions: us-east-1',
    );
    expect(london[0]).toContain('ap-southeast-1 (Singapore)');
    expect(problems('--region narnia')[0]).toBe('Unknown region "narnia"');
    expect(problems('3 tasks in us west')[0]).toContain('us-west-1 (N. California) or us-west-2 (Oregon)');
  });
});

describe('invalid input gets a clear message, never NaN or a crash', () => {
  it.each([
    ['-5 tasks', 'The number of tasks/pods must be at least 1 (got -5)'],
    ['0 tasks', 'The number of tasks/pods must be at least 1 (got 0)'],
    ['0 vCPU', 'vCPU must be more than 0 (got 0); Fargate sizes are 0.25, 0.5, 1, 2, 4, 8, 16 vCPU'],
    ['500 GB on 0.25 vCPU', '500 GB is not valid with 0.25 vCPU: 0.25 vCPU allows 0.5, 1 or 2 GB'],
    ['3 vCPU 8 GB', '3 vCPU is not a Fargate size: valid vCPU values are 0.25, 0.5, 1, 2, 4, 8, 16'],
    [
      '200000 tasks',
      'The number of tasks/pods of 200,000 is over the limit of 100,000 this estimator accepts',
    ],
    ['1e9 tasks', 'over the limit of 100,000'],
    ['2.5 tasks', 'must be a whole number (got 2.5)'],
    ['0 clusters', 'The number of clusters must be at least 1 (got 0)'],
    ['0 m5.large nodes', 'The number of nodes must be at least 1 (got 0)'],
    ['3 m5.lrge nodes', 'Unknown instance type "m5.lrge": did you mean m5.large'],
    ['3 m5.large and 2 c5.large', 'several instance types named'],
    ['in ireland and frankfurt', 'several regions named'],
    ['--tasks', '--tasks needs a value, e.g. --tasks 10'],
    ['--tasks ten', '--tasks needs a number (got "ten")'],
    ['--bogus 3', 'unknown option --bogus'],
    ['3 tasks 30 hours a day', 'hours per day must be more than 0 and at most 24 (got 30)'],
    ['3 tasks 900 hours a month', 'hours per month must be more than 0 and at most 744 (got 900)'],
    ['3 m5.large nodes graviton', 'm5.large is an x86 type but Arm/Graviton was asked for'],
    ['3 tasks with 300 GB ephemeral storage', 'ephemeral storage must be 20-200 GB per task (got 300)'],
    ['5 tasks with -2 nat gateways', 'The number of NAT gateways must be at least 0 (got -2)'],
  ])('%s', (text, message) => {
    const p = problems(text);
    expect(p.join(' | ').toLowerCase()).toContain(message.toLowerCase());
    expect(p.join(' ')).not.toContain('NaN');
  });
});

describe('what-ifs re-price the previous estimate', () => {
  const base = req('6 tasks with 0.5 vCPU and 1 GB');
  const price = (r: typeof base) => estimateCost(r, snapshot, { now: NOW });
  const before = price(base);

  it('"make it 20 tasks"', () => {
    const r = parseCostRequest('make it 20 tasks', base, { snapshot });
    expect(r.ok && r.changed).toEqual(['tasks/pods: 6 → 20']);
    const after = price(req('make it 20 tasks', base));
    // ECS 20 x (0.5 x 0.04048 + 1 x 0.004445) x 730 = 20 x 0.024685 x 730 = 360.401; was 108.1203 -> +252.28
    expect(compareEstimates(before, after).ecs).toBe('+$252.28/month (from $108.12 to $360.40)');
    // EKS 20 x (0.5 x 0.04048 + 2 x 0.004445) x 730 + 73 = 20 x 0.02913 x 730 + 73 = 498.298; was 200.5894
    expect(compareEstimates(before, after).eks).toBe('+$297.71/month (from $200.59 to $498.30)');
  });

  it('"what about eu-west-1?" keeps everything else', () => {
    const r = req('what about eu-west-1?', base);
    expect(r).toMatchObject({ region: 'eu-west-1', tasks: 6, vcpu: 0.5, memoryGb: 1 });
    // eu-west-1 Fargate and EKS rates equal us-east-1's, so no change
    expect(compareEstimates(before, price(r)).ecs).toBe('no change ($108.12/month)');
  });

  it('"on EC2 with m6i.large instead"', () => {
    const r = req('on EC2 with m6i.large instead', base);
    expect(r).toMatchObject({ compute: 'ec2', instanceType: 'm6i.large', nodes: 1 });
    // ECS 1 x 0.096 x 730 = 70.08 (was 108.1203)
    expect(compareEstimates(before, price(r)).ecs).toBe('-$38.04/month (from $108.12 to $70.08)');
    expect(price(r).assumptions.join('\n')).toContain('1 node (default; the node count is not derived');
  });

  it('"with 3 clusters"', () => {
    const r = req('with 3 clusters', base);
    // EKS + 2 x 73 = 146: 200.5894 -> 346.5894
    expect(compareEstimates(before, price(r)).eks).toBe('+$146.00/month (from $200.59 to $346.59)');
    expect(compareEstimates(before, price(r)).ecs).toBe('no change ($108.12/month)');
  });

  it('"graviton?" on Fargate and on EC2', () => {
    const r = req('graviton?', base);
    expect(r.arch).toBe('arm');
    // ECS Arm: 6 x (0.5 x 0.03238 + 1 x 0.00356) x 730 = 6 x 0.01975 x 730 = 86.505 -> 86.51; 108.12 - 86.51 = 21.61
    const after = price(r);
    expect(compareEstimates(before, after).ecs).toBe('-$21.61/month (from $108.12 to $86.51)');
    expect(compareEstimates(before, after).eks).toBe('can no longer be priced (was $200.59/month)');
    const onEc2 = req('3 m5.large nodes');
    const g = parseCostRequest('graviton?', onEc2, { snapshot });
    expect(g.ok && g.request.instanceType).toBe('m7g.large');
    expect(g.ok && g.changed).toContain('instance type: m5.large → m7g.large (the Graviton counterpart)');
  });

  it('"business hours?"', () => {
    const r = req('business hours?', base);
    // ECS 108.1203 x 50/168 = 32.17866 (compute only); EKS compute 127.5894 x 50/168 = 37.97304 + 73 = 110.97304
    expect(compareEstimates(before, price(r)).ecs).toBe('-$75.94/month (from $108.12 to $32.18)');
    expect(compareEstimates(before, price(r)).eks).toBe('-$89.62/month (from $200.59 to $110.97)');
  });

  it('"add a NAT gateway" twice', () => {
    const one = req('add a NAT gateway', base);
    expect(one.extras.natGateways).toBe(1);
    expect(req('add a NAT gateway', one).extras.natGateways).toBe(2);
    // + 0.045 x 730 = 32.85 on both sides
    expect(compareEstimates(before, price(one)).ecs).toBe('+$32.85/month (from $108.12 to $140.97)');
    expect(req('no nat', one).extras.natGateways).toBe(0);
  });

  it('"on extended support"', () => {
    const r = req('on extended support', base);
    // control plane 0.10 -> 0.60 per hour: + 0.50 x 730 = 365
    expect(compareEstimates(before, price(r)).eks).toBe('+$365.00/month (from $200.59 to $565.59)');
  });

  it('"make it 2 vCPU" adjusts the carried memory and says so', () => {
    const r = parseCostRequest('make it 2 vCPU', req('4 tasks 0.5 vcpu 1 gb'), { snapshot });
    expect(r.ok && r.request).toMatchObject({ vcpu: 2, memoryGb: 4 });
    expect(r.ok && r.changed).toContain('memory: 1 GB → 4 GB (nearest valid for 2 vCPU)');
  });

  it('says when nothing in a what-if could be understood', () => {
    expect(problems('hello there', base)[0]).toContain('I found nothing to change');
  });
});

describe('hasCostSignals', () => {
  it('gives the same answer every time for the same text (no regex state between calls)', () => {
    const answers = Array.from({ length: 4 }, () => hasCostSignals('cost of running 2 t3.medium for ecs'));
    expect(answers).toEqual([true, true, true, true]);
    expect(hasCostSignals('4 m6i.large nodes')).toBe(true);
    expect(hasCostSignals('3 m5.large')).toBe(true);
  });

  it.each([
    'how does networking work',
    'what is fargate',
    'is eks more expensive',
    'which is cheaper',
    'what is a cluster',
    'does eks support graviton?',
    'explain fargate spot',
    '',
  ])('false for "%s"', (t) => {
    expect(hasCostSignals(t)).toBe(false);
  });

  it.each([
    '10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
    '3 m5.large nodes',
    '2 clusters on extended support',
    'cost --tasks 10',
    'how much for 5 tasks 512 cpu units 1024 memory',
    'make it 20 tasks',
    'what about eu-west-1?',
    'on EC2 with m6i.large instead',
    'with 3 clusters',
    'graviton?',
    'business hours?',
    'add a NAT gateway',
    'on extended support',
    'frankfurt?',
    'with spot',
  ])('true for "%s"', (t) => {
    expect(hasCostSignals(t)).toBe(true);
  });
});

describe('scaling what-ifs', () => {
  it('doubles, triples or halves the previous count', () => {
    const first = parseCostRequest('5 fargate tasks 1 vcpu 2gb');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const doubled = parseCostRequest('what if we double it', first.request);
    expect(doubled).toMatchObject({ ok: true, request: { tasks: 10 } });
    const nodes = parseCostRequest('3 m5.large nodes');
    if (!nodes.ok) throw new Error('expected a request');
    expect(parseCostRequest('triple it', nodes.request)).toMatchObject({ ok: true, request: { nodes: 9 } });
    expect(parseCostRequest('halve it', first.request)).toMatchObject({ ok: true, request: { tasks: 3 } });
    expect(hasCostSignals('what if we double it')).toBe(true);
  });
});

describe('counts with describing words between the number and the unit', () => {
  it.each([
    ['10 arm64 tasks 1 vCPU 2 GB', 10, 'arm'],
    ['2 windows fargate tasks 1 vCPU 2 GB', 2, 'x86'],
    ['3 web tasks 1 vcpu 2gb', 3, 'x86'],
    ['run 6 api pods 0.5 vcpu 1 gb', 6, 'x86'],
    ['4 containers at 2 vcpu 4gb', 4, 'x86'],
  ])('"%s" prices %i tasks', (text, tasks, arch) => {
    const r = parseCostRequest(text);
    expect(r).toMatchObject({ ok: true, request: { tasks, arch } });
  });

  it('does not read a memory or CPU figure as the count', () => {
    expect(parseCostRequest('1 vcpu 2 gb tasks')).toMatchObject({
      ok: true,
      request: { tasks: 1, vcpu: 1, memoryGb: 2 },
    });
  });
});
