import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_DIR, loadPricingSnapshot, validatePricingDir } from '../../../src/cost/index.ts';
import { getEc2Price, getPrice, PRICE_KEYS } from '../../../src/cost/snapshot.ts';

const real = JSON.parse(readFileSync(join(DEFAULT_PRICING_DIR, '2026-11-28.json'), 'utf8'));
const dirs: string[] = [];
function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pricing-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the committed snapshot', () => {
  it('is valid', () => {
    expect(validatePricingDir()).toEqual([]);
  });

  it('covers Fargate and EKS fees in the five required regions', () => {
    const s = loadPricingSnapshot();
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1']) {
      for (const key of [
        'fargate.x86.vcpuHour',
        'fargate.x86.gbHour',
        'eks.cluster.standardHour',
        'eks.cluster.extendedHour',
      ] as const) {
        expect(getPrice(s, region, key), `${region} ${key}`).not.toBeNull();
      }
    }
  });

  it('holds the whole us-east-1 EC2 table and leaves unknown prices absent', () => {
    const s = loadPricingSnapshot();
    // The reference table (Karpenter data, 2026-07-20) has 1,367 instance types.
    expect(Object.keys(s.regions['us-east-1']!.ec2[0]!.prices)).toHaveLength(1367);
    for (const [type, usd] of [
      ['m5.large', 0.096],
      ['m6i.large', 0.096],
      ['m7g.large', 0.0816],
      ['c6i.large', 0.085],
      ['t3.medium', 0.0416],
      ['r6i.large', 0.126],
      ['m5.xlarge', 0.192],
      ['c7g.xlarge', 0.145],
      ['x8g.metal-24xl', 10.31712],
    ] as const) {
      expect(getEc2Price(s, 'us-east-1', type)?.usd, type).toBe(usd);
    }
    // "not found" in the fact sheet: absent, never 0
    expect(getPrice(s, 'us-west-2', 'fargate.arm.vcpuHour')).toBeNull();
    expect(getPrice(s, 'eu-central-1', 'alb.hour')).toBeNull();
    expect(getEc2Price(s, 'eu-west-1', 'm5.large')).toBeNull();
    for (const r of Object.values(s.regions)) {
      for (const k of PRICE_KEYS) {
        const e = r.prices[k];
        if (e) expect(e.usd).toBeGreaterThan(0);
      }
    }
  });
});

describe('validation names file and field', () => {
  it('reports a zero price', () => {
    const bad = structuredClone(real);
    bad.snapshotDate = '2026-12-01';
    bad.regions['us-east-1'].prices['fargate.x86.vcpuHour'].usd = 0;
    const problems = validatePricingDir(tempDir({ '2026-12-01.json': bad }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /2026-12-01\.json: regions\.us-east-1\.prices\["fargate\.x86\.vcpuHour"\]\.usd: must be a positive/,
    );
  });

  it('reports bad sources, unknown keys, unknown regions, bad JSON and a name/date mismatch', () => {
    const bad = structuredClone(real);
    bad.regions['us-east-1'].prices['alb.hour'].source.url = 'http://example.com';
    bad.regions['us-east-1'].prices['nat.hour'].source.asOf = '2026-13-01';
    bad.regions['us-east-1'].prices['fargate.gpu.hour'] = bad.regions['us-east-1'].prices['nat.hour'];
    bad.regions['mars-1'] = { prices: {} };
    const mismatch = structuredClone(real);
    const problems = validatePricingDir(
      tempDir({ '2026-11-28.json': bad, '2026-11-29.json': mismatch, '2026-11-30.json': '{ not json' }),
    ).join('\n');
    expect(problems).toContain('2026-11-28.json: regions.us-east-1.prices["alb.hour"].source.url');
    expect(problems).toContain('2026-11-28.json: regions.us-east-1.prices["nat.hour"].source.asOf');
    expect(problems).toContain('fargate.gpu.hour');
    expect(problems).toContain('2026-11-28.json: regions.mars-1');
    expect(problems).toContain(
      '2026-11-29.json: snapshotDate: 2026-11-28 does not match the file name date 2026-11-29',
    );
    expect(problems).toContain('2026-11-30.json: not valid JSON');
  });

  it('rejects an as-of date after the snapshot date and an empty directory', () => {
    const bad = structuredClone(real);
    bad.regions['us-east-1'].prices['ipv4.hour'].source.asOf = '2026-12-25';
    expect(validatePricingDir(tempDir({ '2026-11-28.json': bad }))[0]).toContain(
      'regions.us-east-1.prices["ipv4.hour"].source.asOf: as-of date 2026-12-25 is after the snapshot date 2026-11-28',
    );
    expect(validatePricingDir(tempDir({}))[0]).toContain('no pricing snapshot');
  });

  it('the loader picks the newest file and throws with file and field', () => {
    const newer = structuredClone(real);
    newer.snapshotDate = '2026-12-05';
    newer.regions['us-east-1'].prices['nat.hour'].usd = 0.05;
    const s = loadPricingSnapshot(
      tempDir({ '2026-11-28.json': real, '2026-12-05.json': newer, 'README.md': 'x' }),
    );
    expect(s.snapshotDate).toBe('2026-12-05');
    expect(getPrice(s, 'us-east-1', 'nat.hour')?.usd).toBe(0.05);
    const broken = structuredClone(real);
    delete broken.regions['us-east-1'].prices['nat.gb'].source;
    expect(() => loadPricingSnapshot(tempDir({ '2026-11-28.json': broken }))).toThrow(
      /2026-11-28\.json: regions\.us-east-1\.prices\["nat\.gb"\]\.source/,
    );
  });
});
