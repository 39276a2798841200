import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PricingApi, refreshPricing } from '../../../src/cost/refresh.ts';
import { parseSnapshotFile } from '../../../src/cost/snapshot.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/pricing/offers');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
const HOST = 'https://pricing.us-east-1.amazonaws.com';
const NOW = new Date('2026-12-01T09:00:00Z');
const dirs: string[] = [];
const outDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pricing-refresh-'));
  dirs.push(d);
  return d;
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
afterAll(() => nock.enableNetConnect());

function mockOffers() {
  return nock(HOST)
    .get('/offers/v1.0/aws/AmazonECS/current/us-east-1/index.json')
    .reply(200, fixture('AmazonECS-us-east-1.json'))
    .get('/offers/v1.0/aws/AmazonEKS/current/us-east-1/index.json')
    .reply(200, fixture('AmazonEKS-us-east-1.json'));
}

describe('pricing:refresh', () => {
  it('reads the offer files, writes a dated snapshot and prints what changed', async () => {
    const scope = mockOffers();
    const dir = outDir();
    const printed: string[] = [];
    const r = await refreshPricing({
      outDir: dir,
      regions: ['us-east-1'],
      now: NOW,
      env: {},
      log: (l) => printed.push(l),
    });
    expect(scope.isDone()).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.file).toBe(join(dir, '2026-12-01.json'));
    expect(readdirSync(dir)).toEqual(['2026-12-01.json']);
    // The fixture changes the GB-hour (0.004445 -> 0.0045) and adds the m7i.large Auto Mode fee.
    expect(r.changes).toEqual([
      { region: 'us-east-1', item: 'fargate.x86.gbHour', from: 0.004445, to: 0.0045 },
      { region: 'us-east-1', item: 'eksAutoModeFee m7i.large', from: null, to: 0.0121 },
    ]);
    expect(printed).toContain('  us-east-1 fargate.x86.gbHour: $0.004445 -> $0.0045');
    expect(printed).toContain('  us-east-1 eksAutoModeFee m7i.large: absent -> $0.0121');
    expect(printed.join('\n')).toContain('EC2: skipped (no AWS credentials');
    // unchanged: ECS vCPU, Arm vCPU, Arm GB, ephemeral; EKS standard, extended, m7g.large fee = 7
    expect(printed.at(-1)).toContain('2 changed or added, 7 unchanged');

    const { snapshot, problems } = parseSnapshotFile(r.file!);
    expect(problems).toEqual([]);
    const us = snapshot!.regions['us-east-1']!;
    expect(us.prices['fargate.x86.gbHour']).toEqual({
      usd: 0.0045,
      source: {
        title: 'AWS Price List AmazonECS offer file, us-east-1',
        url: `${HOST}/offers/v1.0/aws/AmazonECS/current/us-east-1/index.json`,
        asOf: '2026-11-26',
      },
      confidence: 'high',
    });
    // Extended support = standard 0.10 + surcharge 0.50; Spot and Windows rows and other regions' rows are ignored.
    expect(us.prices['eks.cluster.extendedHour']?.usd).toBe(0.6);
    expect(us.prices['fargate.x86.vcpuHour']?.usd).toBe(0.04048);
    expect(us.prices['fargate.windows.vcpuHour']?.usd).toBe(0.13748);
    // Prices the job does not refresh are carried over untouched.
    expect(us.prices['alb.hour']?.usd).toBe(0.0225);
    expect(Object.keys(us.ec2[0]!.prices)).toHaveLength(1367);
    expect(snapshot!.regions['eu-west-1']?.prices['nat.hour']?.usd).toBe(0.048);
  });

  it('keeps old prices and reports the failure when an offer file cannot be read', async () => {
    nock(HOST)
      .get('/offers/v1.0/aws/AmazonECS/current/us-east-1/index.json')
      .reply(500, 'oops')
      .get('/offers/v1.0/aws/AmazonEKS/current/us-east-1/index.json')
      .reply(200, { not: 'an offer file' });
    const dir = outDir();
    const r = await refreshPricing({ outDir: dir, regions: ['us-east-1'], now: NOW, env: {}, log: () => {} });
    expect(r.file).toBeNull();
    expect(r.problems.join('\n')).toContain('AmazonECS us-east-1: could not read');
    expect(r.problems.join('\n')).toContain('HTTP 500');
    expect(r.problems.join('\n')).toContain('AmazonEKS us-east-1: could not read');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refreshes EC2 through the Query API when a client is available', async () => {
    mockOffers();
    const item = (type: string, usd: string) =>
      JSON.stringify({
        product: {
          productFamily: 'Compute Instance',
          attributes: { instanceType: type, usagetype: `BoxUsage:${type}`, regionCode: 'us-east-1' },
        },
        terms: {
          OnDemand: {
            'X.JRTCKXETXF': {
              priceDimensions: { 'X.JRTCKXETXF.6YS6EN2CT7': { unit: 'Hrs', pricePerUnit: { USD: usd } } },
            },
          },
        },
        publicationDate: '2026-11-25T18:00:00Z',
      });
    const calls: unknown[] = [];
    const api: PricingApi = {
      getProducts: async (input) => {
        calls.push(input);
        return input.NextToken
          ? { PriceList: [item('m8g.large', '0.08976')] }
          : {
              PriceList: [item('m5.large', '0.0960000000'), item('m6i.large', '0.0990000000')],
              NextToken: 'p2',
            };
      },
    };
    const printed: string[] = [];
    const r = await refreshPricing({
      outDir: outDir(),
      regions: ['us-east-1'],
      now: NOW,
      pricingApi: api,
      log: (l) => printed.push(l),
    });
    expect(calls).toHaveLength(2);
    expect(printed).toContain('  us-east-1 ec2 m6i.large: $0.096 -> $0.099');
    const s = parseSnapshotFile(r.file!).snapshot!;
    const tables = s.regions['us-east-1']!.ec2;
    expect(tables[0]!.source.asOf).toBe('2026-11-25');
    expect(tables[0]!.prices).toEqual({ 'm5.large': 0.096, 'm6i.large': 0.099, 'm8g.large': 0.08976 });
    expect(tables[1]!.prices['m5.large']).toBeUndefined(); // no duplicates across tables
    expect(tables[1]!.prices['c6i.large']).toBe(0.085); // types the API did not return are kept
  });
});
