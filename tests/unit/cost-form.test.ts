import { describe, expect, it } from 'vitest';
import { COST_FORM_FIELDS, validateCostForm } from '../../src/forms/cost-form.ts';

describe('cost form', () => {
  it('lists every field the estimate needs, with choices for the closed ones', () => {
    expect(COST_FORM_FIELDS.map((f) => f.id)).toEqual([
      'compute',
      'tasks',
      'vcpu',
      'memoryGb',
      'instanceType',
      'nodes',
      'region',
      'clusters',
      'support',
      'hours',
    ]);
    const region = COST_FORM_FIELDS.find((f) => f.id === 'region')!;
    expect(region.options!.map((o) => o.value)).toContain('eu-west-1');
  });

  it('builds a request from valid strings', () => {
    const r = validateCostForm({
      compute: 'fargate',
      tasks: '10',
      vcpu: '1',
      memoryGb: '2',
      region: 'eu-west-1',
      hours: 'business',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request).toMatchObject({
      compute: 'fargate',
      tasks: 10,
      vcpu: 1,
      memoryGb: 2,
      region: 'eu-west-1',
    });
    expect(r.request.hoursPerMonth).toBeCloseTo(217.26, 2);
  });

  it('puts each problem next to its field', () => {
    const r = validateCostForm({ compute: 'fargate', tasks: '-3', vcpu: 'abc', memoryGb: '500' });
    expect(r).toEqual({
      ok: false,
      errors: {
        tasks: 'Must be at least 1.',
        vcpu: 'Enter a number, e.g. 2 or 0.5.',
        memoryGb: 'Must be at most 120.',
      },
    });
  });

  it('explains an invalid Fargate size on the memory field, naming the valid sizes', () => {
    const r = validateCostForm({ compute: 'fargate', tasks: '2', vcpu: '0.25', memoryGb: '8' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.memoryGb).toMatch(/0\.25 vCPU allows 0\.5, 1 or 2 GB/);
  });

  it('requires a known instance type for EC2 and rejects unknown choices and oversized input', () => {
    expect(validateCostForm({ compute: 'ec2' })).toMatchObject({
      ok: false,
      errors: { instanceType: expect.any(String) },
    });
    const unknown = validateCostForm({ compute: 'ec2', instanceType: 'm9z.huge', nodes: '3' });
    expect(unknown).toMatchObject({
      ok: false,
      errors: { instanceType: expect.stringMatching(/Unknown instance type/) },
    });
    expect(validateCostForm({ compute: 'bogus' })).toMatchObject({
      ok: false,
      errors: { compute: expect.any(String) },
    });
    expect(validateCostForm({ region: 'x'.repeat(500) })).toMatchObject({
      ok: false,
      errors: { region: expect.any(String) },
    });
  });

  it('prices nodes for EC2 and Auto Mode', () => {
    const r = validateCostForm({
      compute: 'ec2',
      instanceType: 'm5.large',
      nodes: '3',
      clusters: '2',
      support: 'extended',
    });
    expect(r).toMatchObject({
      ok: true,
      request: { compute: 'ec2', instanceType: 'm5.large', nodes: 3, clusters: 2, support: 'extended' },
    });
  });
});
