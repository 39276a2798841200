// Pricing snapshots: one JSON file per snapshot date in knowledge/pricing/, validated with zod at load.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isoDate, type Source, sourceSchema } from '../knowledge/schema.ts';
import { REGIONS } from './regions.ts';

export const DEFAULT_PRICING_DIR = resolve(
  fileURLToPath(new URL('../../knowledge/pricing/', import.meta.url)),
);
const SNAPSHOT_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** Per-region scalar prices. A key that is missing means "we have no reliable figure": never 0, never guessed. */
export const PRICE_KEYS = [
  'fargate.x86.vcpuHour',
  'fargate.x86.gbHour',
  'fargate.arm.vcpuHour',
  'fargate.arm.gbHour',
  'fargate.ephemeral.gbHour',
  'fargate.windows.vcpuHour',
  'fargate.windows.gbHour',
  'eks.cluster.standardHour',
  'eks.cluster.extendedHour',
  'alb.hour',
  'alb.lcuHour',
  'nat.hour',
  'nat.gb',
  'logs.ingestGb',
  'ipv4.hour',
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

/** What each key prices, for messages ("no price for ALB LCU-hour in eu-central-1"). */
export const PRICE_LABELS: Record<PriceKey, string> = {
  'fargate.x86.vcpuHour': 'Fargate Linux/x86 vCPU-hour',
  'fargate.x86.gbHour': 'Fargate Linux/x86 GB-hour',
  'fargate.arm.vcpuHour': 'Fargate Linux/Arm vCPU-hour',
  'fargate.arm.gbHour': 'Fargate Linux/Arm GB-hour',
  'fargate.ephemeral.gbHour': 'Fargate ephemeral storage GB-hour (over 20 GB)',
  'fargate.windows.vcpuHour': 'Fargate Windows vCPU-hour (incl. OS license)',
  'fargate.windows.gbHour': 'Fargate Windows GB-hour',
  'eks.cluster.standardHour': 'EKS cluster-hour (standard support)',
  'eks.cluster.extendedHour': 'EKS cluster-hour (extended support, total)',
  'alb.hour': 'ALB hour',
  'alb.lcuHour': 'ALB LCU-hour',
  'nat.hour': 'NAT gateway hour',
  'nat.gb': 'NAT gateway data processed per GB',
  'logs.ingestGb': 'CloudWatch Logs ingestion per GB (Standard)',
  'ipv4.hour': 'public IPv4 address hour',
};

export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidenceSchema>;
/** How much of source.asOf the source really gave: a partial date is stored as its first day (never fresher). */
const asOfPrecisionSchema = z.enum(['day', 'month', 'year', 'undated']);
export type AsOfPrecision = z.infer<typeof asOfPrecisionSchema>;

const instanceType = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9-]+$/, 'must be an EC2 instance type like m5.large');

export const priceEntrySchema = z.strictObject({
  usd: z.number().positive('must be a positive USD amount (leave a price out rather than writing 0)'),
  source: sourceSchema,
  confidence: confidenceSchema,
  asOfPrecision: asOfPrecisionSchema.optional(),
  note: z.string().min(3).optional(),
});
export type PriceEntry = z.infer<typeof priceEntrySchema>;

const ec2TableSchema = z.strictObject({
  source: sourceSchema,
  confidence: confidenceSchema,
  asOfPrecision: asOfPrecisionSchema.optional(),
  note: z.string().min(3).optional(),
  prices: z.record(instanceType, z.number().positive('must be a positive USD amount per instance-hour')),
});

const regionSchema = z.strictObject({
  prices: z.partialRecord(z.enum(PRICE_KEYS), priceEntrySchema),
  /** EKS Auto Mode management fee per instance-hour, by instance type. */
  eksAutoModeFees: z.record(instanceType, priceEntrySchema).default({}),
  /** EC2 on-demand Linux tables; several tables can share one source each. */
  ec2: z.array(ec2TableSchema).default([]),
});

export const pricingSnapshotSchema = z
  .strictObject({
    snapshotDate: isoDate,
    currency: z.literal('USD'),
    hoursPerMonth: z.literal(730),
    description: z.string().optional(),
    fargateSpot: z.strictObject({
      maxDiscountPct: z.number().gt(0).lt(100),
      source: sourceSchema,
      asOfPrecision: asOfPrecisionSchema.optional(),
      confidence: confidenceSchema,
    }),
    regions: z.record(
      z.string().refine((r) => r in REGIONS, 'must be a known AWS region code such as us-east-1'),
      regionSchema,
    ),
  })
  .superRefine((s, ctx) => {
    for (const [region, data] of Object.entries(s.regions)) {
      const seen = new Set<string>();
      data.ec2.forEach((table, i) => {
        for (const type of Object.keys(table.prices)) {
          if (seen.has(type)) {
            ctx.addIssue({
              code: 'custom',
              path: ['regions', region, 'ec2', i, 'prices', type],
              message: 'instance type listed in more than one EC2 table',
            });
          }
          seen.add(type);
        }
      });
      const dated = [
        ...Object.entries(data.prices).map(([k, e]) => [['prices', k], e!.source.asOf] as const),
        ...data.ec2.map((t, i) => [['ec2', i], t.source.asOf] as const),
      ];
      for (const [path, asOf] of dated) {
        if (asOf > s.snapshotDate) {
          ctx.addIssue({
            code: 'custom',
            path: ['regions', region, ...path, 'source', 'asOf'],
            message: `as-of date ${asOf} is after the snapshot date ${s.snapshotDate}`,
          });
        }
      }
    }
  });

export type PricingSnapshot = z.infer<typeof pricingSnapshotSchema> & { file: string };

/** A price as used by the estimator, with where it came from. */
export interface ResolvedPrice {
  usd: number;
  source: Source;
  confidence: Confidence;
  asOfPrecision: AsOfPrecision;
  note?: string;
  /** Human name for messages, e.g. "EC2 m5.large (Linux, on-demand)". */
  label: string;
}

export function getPrice(s: PricingSnapshot, region: string, key: PriceKey): ResolvedPrice | null {
  const e = s.regions[region]?.prices[key];
  if (!e) return null;
  return { ...e, asOfPrecision: e.asOfPrecision ?? 'day', label: PRICE_LABELS[key] };
}

export function getEc2Price(s: PricingSnapshot, region: string, type: string): ResolvedPrice | null {
  for (const t of s.regions[region]?.ec2 ?? []) {
    const usd = t.prices[type];
    if (usd !== undefined) {
      return {
        usd,
        source: t.source,
        confidence: t.confidence,
        asOfPrecision: t.asOfPrecision ?? 'day',
        ...(t.note ? { note: t.note } : {}),
        label: `EC2 ${type} (Linux, on-demand)`,
      };
    }
  }
  return null;
}

export function getAutoModeFee(s: PricingSnapshot, region: string, type: string): ResolvedPrice | null {
  const e = s.regions[region]?.eksAutoModeFees[type];
  if (!e) return null;
  return { ...e, asOfPrecision: e.asOfPrecision ?? 'day', label: `EKS Auto Mode fee for ${type}` };
}

/** Every instance type with an EC2 price anywhere in the snapshot, for suggestions. */
export function knownInstanceTypes(s: PricingSnapshot): Set<string> {
  const all = new Set<string>();
  for (const r of Object.values(s.regions))
    for (const t of r.ec2) for (const k of Object.keys(t.prices)) all.add(k);
  return all;
}

export function regionsWithEc2Price(s: PricingSnapshot, type: string): string[] {
  return Object.keys(s.regions).filter((r) => getEc2Price(s, r, type) !== null);
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(String(p))) out += out ? `.${String(p)}` : String(p);
    else out += `["${String(p)}"]`;
  }
  return out || '(root)';
}

function displayPath(file: string): string {
  const rel = file.split('/knowledge/').pop();
  return rel && rel !== file ? `knowledge/${rel}` : file;
}

/** Parses and validates one snapshot file; problems name the file and the field. */
export function parseSnapshotFile(file: string): { snapshot: PricingSnapshot | null; problems: string[] } {
  const shown = displayPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { snapshot: null, problems: [`${shown}: not valid JSON (${(err as Error).message})`] };
  }
  const result = pricingSnapshotSchema.safeParse(raw);
  if (!result.success) {
    return {
      snapshot: null,
      problems: result.error.issues.map((i) => `${shown}: ${formatPath(i.path)}: ${i.message}`),
    };
  }
  const problems: string[] = [];
  const nameDate = SNAPSHOT_FILE.exec(basename(file))?.[1];
  if (nameDate && nameDate !== result.data.snapshotDate) {
    problems.push(
      `${shown}: snapshotDate: ${result.data.snapshotDate} does not match the file name date ${nameDate}`,
    );
  }
  return { snapshot: problems.length ? null : { ...result.data, file }, problems };
}

function snapshotFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => SNAPSHOT_FILE.test(f))
    .sort();
}

/** Problems for `npm run kb:check` across every snapshot in the directory (empty = ok). */
export function validatePricingDir(dir: string = DEFAULT_PRICING_DIR): string[] {
  let files: string[];
  try {
    files = snapshotFiles(dir);
  } catch (err) {
    return [`${displayPath(dir)}: cannot read the pricing directory (${(err as Error).message})`];
  }
  if (files.length === 0)
    return [`${displayPath(dir)}: no pricing snapshot (expected files named YYYY-MM-DD.json)`];
  return files.flatMap((f) => parseSnapshotFile(join(dir, f)).problems);
}

const cache = new Map<string, PricingSnapshot>();

/** The newest snapshot in the directory (by file-name date), validated; cached per directory. Throws with file+field. */
export function loadPricingSnapshot(dir: string = DEFAULT_PRICING_DIR): PricingSnapshot {
  const key = resolve(dir);
  const hit = cache.get(key);
  if (hit) return hit;
  const files = snapshotFiles(key);
  const newest = files.at(-1);
  if (!newest)
    throw new Error(`${displayPath(key)}: no pricing snapshot (expected files named YYYY-MM-DD.json)`);
  const { snapshot, problems } = parseSnapshotFile(join(key, newest));
  if (!snapshot) throw new Error(`Invalid pricing snapshot:\n${problems.join('\n')}`);
  cache.set(key, snapshot);
  return snapshot;
}

export function clearPricingCache(): void {
  cache.clear();
}
