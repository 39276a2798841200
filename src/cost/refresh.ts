// Refreshes the pricing snapshot from the AWS Price List: the public bulk offer files for AmazonECS and
// AmazonEKS (no credentials), and EC2 through the Price List Query API when AWS credentials exist.
// Writes a new dated snapshot into a given directory and reports every price that changed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Source } from '../knowledge/schema.ts';
import { formatRate } from './money.ts';
import {
  DEFAULT_PRICING_DIR,
  loadPricingSnapshot,
  type PriceEntry,
  type PriceKey,
  type PricingSnapshot,
  parseSnapshotFile,
  pricingSnapshotSchema,
} from './snapshot.ts';

export const PRICE_LIST_BASE = 'https://pricing.us-east-1.amazonaws.com';

export function offerFileUrl(
  service: 'AmazonECS' | 'AmazonEKS' | 'AmazonEC2',
  region: string,
  base = PRICE_LIST_BASE,
) {
  return `${base}/offers/v1.0/aws/${service}/current/${region}/index.json`;
}

// Offer files: only the parts we read are checked; everything else may vary.
const offerSchema = z.object({
  formatVersion: z.string(),
  publicationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  products: z.record(
    z.string(),
    z.object({
      sku: z.string(),
      productFamily: z.string().optional(),
      attributes: z.record(z.string(), z.string()).default({}),
    }),
  ),
  terms: z
    .object({
      OnDemand: z
        .record(
          z.string(),
          z.record(
            z.string(),
            z.object({
              priceDimensions: z.record(
                z.string(),
                z.object({
                  unit: z.string().optional(),
                  beginRange: z.string().optional(),
                  pricePerUnit: z.record(z.string(), z.string()),
                }),
              ),
            }),
          ),
        )
        .default({}),
    })
    .default({ OnDemand: {} }),
});
type Offer = z.infer<typeof offerSchema>;

/** Usage types without their region prefix ("USE1-", "EU-", ...); a prefix is one code, never "USE1-SpotUsage-". */
const ECS_USAGE: Record<string, PriceKey> = {
  'Fargate-vCPU-Hours:perCPU': 'fargate.x86.vcpuHour',
  'Fargate-GB-Hours': 'fargate.x86.gbHour',
  'Fargate-ARM-vCPU-Hours:perCPU': 'fargate.arm.vcpuHour',
  'Fargate-ARM-GB-Hours': 'fargate.arm.gbHour',
  'Fargate-EphemeralStorage-GB-Hours': 'fargate.ephemeral.gbHour',
};
const EKS_CLUSTER = 'AmazonEKS-Hours:perCluster';
const EKS_EXTENDED_SURCHARGE = 'AmazonEKS-Hours:extendedSupport';
const AUTO_MODE = /^EKS-Auto:([a-z0-9][a-z0-9.-]*)-management-hours$/;

function stripPrefix(usagetype: string): string {
  return usagetype.replace(/^[A-Z]+[0-9]*-(?=[A-Za-z])/, (prefix) =>
    // Keep names that themselves start with a capitalised word such as "EKS-Auto:" or "Fargate-".
    /^(EKS|Fargate|AmazonEKS)-$/.test(prefix) ? prefix : '',
  );
}

/** On-demand USD per unit by usage type (prefix stripped); several different prices for one type are reported. */
export function readOffer(
  offer: Offer,
  region: string,
): { prices: Map<string, number>; conflicts: string[] } {
  const seen = new Map<string, Set<number>>();
  for (const p of Object.values(offer.products)) {
    const rc = p.attributes.regionCode;
    if (rc && rc !== region) continue;
    const usage = p.attributes.usagetype;
    if (!usage) continue;
    const terms = offer.terms.OnDemand[p.sku];
    if (!terms) continue;
    for (const term of Object.values(terms)) {
      const dims = Object.values(term.priceDimensions).filter(
        (d) => !d.beginRange || Number(d.beginRange) === 0,
      );
      for (const d of dims) {
        const usd = Number(d.pricePerUnit.USD);
        if (!Number.isFinite(usd) || usd <= 0) continue; // a free tier or missing price is never stored as 0
        const key = stripPrefix(usage);
        const set = seen.get(key) ?? new Set<number>();
        set.add(usd);
        seen.set(key, set);
      }
    }
  }
  const prices = new Map<string, number>();
  const conflicts: string[] = [];
  for (const [k, set] of seen) {
    if (set.size === 1) prices.set(k, [...set][0]!);
    else
      conflicts.push(
        `${k} has ${set.size} different on-demand prices (${[...set].join(', ')}); kept the old value`,
      );
  }
  return { prices, conflicts };
}

/** The slice of the Price List Query API client this job uses (lets tests inject a fake). */
export interface PricingApi {
  getProducts(input: {
    ServiceCode: string;
    Filters: { Type: 'TERM_MATCH'; Field: string; Value: string }[];
    FormatVersion: 'aws_v1';
    MaxResults: number;
    NextToken?: string;
  }): Promise<{ PriceList?: string[]; NextToken?: string }>;
}

export interface RefreshOptions {
  /** Where the new YYYY-MM-DD.json is written (tests pass a temp dir). */
  outDir: string;
  /** Where the current snapshot is read; default knowledge/pricing. */
  snapshotDir?: string;
  regions?: string[];
  now?: Date;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
  env?: Record<string, string | undefined>;
  /** EC2 Query API client; by default created from @aws-sdk/client-pricing when credentials are present. */
  pricingApi?: PricingApi | null;
  log?: (line: string) => void;
}

export interface PriceChange {
  region: string;
  item: string;
  from: number | null;
  to: number;
}

export interface RefreshResult {
  /** The written file, or null when nothing could be fetched or the result did not validate. */
  file: string | null;
  changes: PriceChange[];
  unchanged: number;
  problems: string[];
  lines: string[];
}

async function getJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

function entry(usd: number, source: Source): PriceEntry {
  return { usd, source, confidence: 'high' };
}

const MAX_PAGES = 300;

async function fetchEc2(
  api: PricingApi,
  region: string,
): Promise<{ prices: Map<string, number>; asOf: string | null }> {
  const prices = new Map<string, number>();
  let asOf: string | null = null;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out = await api.getProducts({
      ServiceCode: 'AmazonEC2',
      FormatVersion: 'aws_v1',
      MaxResults: 100,
      ...(token ? { NextToken: token } : {}),
      Filters: [
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
        { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Compute Instance' },
        { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
        { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
        { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
        { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
        { Type: 'TERM_MATCH', Field: 'licenseModel', Value: 'No License required' },
      ],
    });
    for (const raw of out.PriceList ?? []) {
      const item = JSON.parse(raw) as {
        product?: { attributes?: Record<string, string> };
        terms?: {
          OnDemand?: Record<
            string,
            { priceDimensions?: Record<string, { pricePerUnit?: { USD?: string } }> }
          >;
        };
        publicationDate?: string;
      };
      const type = item.product?.attributes?.instanceType;
      if (!type || !item.product?.attributes?.usagetype?.includes('BoxUsage')) continue;
      for (const term of Object.values(item.terms?.OnDemand ?? {})) {
        for (const d of Object.values(term.priceDimensions ?? {})) {
          const usd = Number(d.pricePerUnit?.USD);
          if (Number.isFinite(usd) && usd > 0) prices.set(type, usd);
        }
      }
      const pub = item.publicationDate?.slice(0, 10);
      if (pub && (!asOf || pub > asOf)) asOf = pub;
    }
    token = out.NextToken;
    if (!token) break;
  }
  return { prices, asOf };
}

async function defaultPricingApi(): Promise<PricingApi> {
  const { PricingClient, GetProductsCommand } = await import('@aws-sdk/client-pricing');
  const client = new PricingClient({ region: 'us-east-1' });
  return { getProducts: (input) => client.send(new GetProductsCommand(input)) };
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Fetches, compares and writes. Never throws for network or data problems: they are reported in `problems`. */
export async function refreshPricing(opts: RefreshOptions): Promise<RefreshResult> {
  const log = opts.log ?? (() => {});
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    log(l);
  };
  const problems: string[] = [];
  const changes: PriceChange[] = [];
  let unchanged = 0;
  const fetchImpl = opts.fetchImpl ?? fetch;
  // The script passes the environment in; src/ never reads process.env itself (src/config.ts aside).
  const env = opts.env ?? {};
  const now = opts.now ?? new Date();
  const old: PricingSnapshot = loadPricingSnapshot(opts.snapshotDir ?? DEFAULT_PRICING_DIR);
  const { file: _file, ...oldData } = old;
  const next = structuredClone(oldData) as Omit<PricingSnapshot, 'file'>;
  next.snapshotDate = today(now);
  const regions = opts.regions ?? Object.keys(old.regions);
  let fetched = 0;
  say(`Pricing refresh ${next.snapshotDate} (previous snapshot ${old.snapshotDate})`);

  const record = (region: string, item: string, from: number | null, to: number) => {
    if (from === to) unchanged++;
    else {
      changes.push({ region, item, from, to });
      say(`  ${region} ${item}: ${from === null ? 'absent' : formatRate(from)} -> ${formatRate(to)}`);
    }
  };

  for (const region of regions) {
    const r = next.regions[region] ?? { prices: {}, eksAutoModeFees: {}, ec2: [] };
    next.regions[region] = r;
    for (const service of ['AmazonECS', 'AmazonEKS'] as const) {
      const url = offerFileUrl(service, region, opts.baseUrl);
      let offer: Offer;
      try {
        const parsed = offerSchema.safeParse(await getJson(url, fetchImpl));
        if (!parsed.success)
          throw new Error(`not an offer file (${parsed.error.issues[0]?.message ?? 'invalid'})`);
        offer = parsed.data;
      } catch (err) {
        problems.push(
          `${service} ${region}: could not read ${url} (${(err as Error).message}); kept the old prices`,
        );
        say(`${service} ${region}: FAILED (${(err as Error).message}); kept the old prices`);
        continue;
      }
      fetched++;
      const asOf = offer.publicationDate.slice(0, 10);
      const source: Source = { title: `AWS Price List ${service} offer file, ${region}`, url, asOf };
      const { prices, conflicts } = readOffer(offer, region);
      for (const c of conflicts) problems.push(`${service} ${region}: ${c}`);
      say(`${service} ${region} (published ${asOf}): ${prices.size} usage types read`);
      if (service === 'AmazonECS') {
        for (const [usage, key] of Object.entries(ECS_USAGE)) {
          const usd = prices.get(usage);
          if (usd === undefined) continue;
          record(region, key, r.prices[key]?.usd ?? null, usd);
          r.prices[key] = entry(usd, source);
        }
      } else {
        const std = prices.get(EKS_CLUSTER);
        const surcharge = prices.get(EKS_EXTENDED_SURCHARGE);
        if (std !== undefined) {
          record(region, 'eks.cluster.standardHour', r.prices['eks.cluster.standardHour']?.usd ?? null, std);
          r.prices['eks.cluster.standardHour'] = entry(std, source);
        }
        if (std !== undefined && surcharge !== undefined) {
          // The price list models extended support as a surcharge on top of the standard cluster-hour.
          const total = Number((std + surcharge).toPrecision(12));
          record(
            region,
            'eks.cluster.extendedHour',
            r.prices['eks.cluster.extendedHour']?.usd ?? null,
            total,
          );
          r.prices['eks.cluster.extendedHour'] = {
            ...entry(total, source),
            note: `total per cluster-hour (${std} standard + ${surcharge} extended-support surcharge)`,
          };
        }
        for (const [usage, usd] of prices) {
          const m = AUTO_MODE.exec(usage);
          if (!m) continue;
          const type = m[1]!;
          record(region, `eksAutoModeFee ${type}`, r.eksAutoModeFees[type]?.usd ?? null, usd);
          r.eksAutoModeFees[type] = entry(usd, { ...source, title: `${source.title} (EKS Auto Mode fee)` });
        }
      }
    }
  }

  // EC2 through the Query API, only with credentials.
  let api = opts.pricingApi;
  if (api === undefined) {
    api = env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE ? await defaultPricingApi() : null;
  }
  if (!api) {
    say(
      'EC2: skipped (no AWS credentials; set AWS_ACCESS_KEY_ID or AWS_PROFILE to refresh EC2 prices); EC2 prices kept',
    );
  } else {
    for (const region of regions) {
      const r = next.regions[region]!;
      try {
        const { prices, asOf } = await fetchEc2(api, region);
        if (prices.size === 0) {
          say(`EC2 ${region}: no prices returned; EC2 prices kept`);
          continue;
        }
        fetched++;
        const source: Source = {
          title: `AWS Price List Query API (GetProducts) AmazonEC2, ${region}, Linux on-demand shared tenancy`,
          url: offerFileUrl('AmazonEC2', region, PRICE_LIST_BASE),
          asOf: asOf && asOf <= next.snapshotDate ? asOf : next.snapshotDate,
        };
        let added = 0;
        for (const [type, usd] of prices) {
          const before = r.ec2.find((t) => t.prices[type] !== undefined)?.prices[type] ?? null;
          if (before === null) added++;
          if (before !== null) record(region, `ec2 ${type}`, before, usd);
          else changes.push({ region, item: `ec2 ${type}`, from: null, to: usd });
        }
        // Types the API did not return stay in their old tables; the new table wins for the rest.
        const kept = r.ec2
          .map((t) => ({
            ...t,
            prices: Object.fromEntries(Object.entries(t.prices).filter(([k]) => !prices.has(k))),
          }))
          .filter((t) => Object.keys(t.prices).length > 0);
        r.ec2 = [{ source, confidence: 'high', prices: Object.fromEntries([...prices].sort()) }, ...kept];
        say(`EC2 ${region}: ${prices.size} instance types read (${added} new)`);
      } catch (err) {
        problems.push(
          `EC2 ${region}: the Price List Query API failed (${(err as Error).message}); EC2 prices kept`,
        );
        say(`EC2 ${region}: FAILED (${(err as Error).message}); EC2 prices kept`);
      }
    }
  }
  say(
    'Not refreshed by this job (kept as they were): ALB, NAT gateway, CloudWatch Logs, public IPv4, Fargate Windows',
  );

  if (fetched === 0) {
    say('Nothing could be fetched: no snapshot written');
    return { file: null, changes, unchanged, problems: [...problems, 'nothing could be fetched'], lines };
  }
  const valid = pricingSnapshotSchema.safeParse(next);
  if (!valid.success) {
    const issues = valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    say(`The refreshed snapshot is not valid, nothing written: ${issues.join('; ')}`);
    return { file: null, changes, unchanged, problems: [...problems, ...issues], lines };
  }
  mkdirSync(opts.outDir, { recursive: true });
  const file = join(opts.outDir, `${next.snapshotDate}.json`);
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  const check = parseSnapshotFile(file);
  problems.push(...check.problems);
  say(`Wrote ${file}: ${changes.length} changed or added, ${unchanged} unchanged`);
  return { file, changes, unchanged, problems, lines };
}
