// Output: the JSON contract, CSV, plain text and what-if deltas. The only place amounts are rounded.
import type { Source } from '../knowledge/schema.ts';
import { describeChange, formatUsd, roundCents } from './money.ts';
import type { Estimate, LineKind, SideEstimate } from './types.ts';

export interface ContractLineItem {
  label: string;
  monthlyUsd: number;
  formula: string;
  kind: LineKind;
}

export interface ContractSide {
  monthlyUsd: number | null;
  lineItems: ContractLineItem[];
  yearlyUsd: number | null;
  platform: string;
  reason?: string;
  notes: string[];
  pricedPartMonthlyUsd?: number;
  monthlyRangeUsd?: { min: number; max: number };
}

/** The documented `estimate` object (contract fields first), plus added fields; amounts rounded to cents. */
export interface ContractEstimate {
  region: string;
  hoursPerMonth: number;
  ecs: ContractSide;
  eks: ContractSide;
  assumptions: string[];
  pricesAsOf: string;
  regionName: string;
  hoursLabel: string;
  differenceMonthlyUsd: number | null;
  differenceYearlyUsd: number | null;
  verdict: string;
  warnings: string[];
  sources: Source[];
  snapshotDate: string;
  currency: 'USD';
}

const money = (x: number | null): number | null => (x === null ? null : roundCents(x));

function side(s: SideEstimate): ContractSide {
  const out: ContractSide = {
    monthlyUsd: money(s.monthlyUsd),
    lineItems: s.lineItems.map((l) => ({
      label: l.label,
      monthlyUsd: roundCents(l.monthlyUsd),
      formula: l.formula,
      kind: l.kind,
    })),
    yearlyUsd: money(s.yearlyUsd),
    platform: s.platform,
    notes: s.notes,
  };
  if (s.reason) out.reason = s.reason;
  if (s.pricedPartMonthlyUsd !== undefined) out.pricedPartMonthlyUsd = roundCents(s.pricedPartMonthlyUsd);
  if (s.monthlyRangeUsd) {
    out.monthlyRangeUsd = { min: roundCents(s.monthlyRangeUsd.min), max: roundCents(s.monthlyRangeUsd.max) };
  }
  return out;
}

export function toContractEstimate(e: Estimate): ContractEstimate {
  return {
    region: e.region,
    hoursPerMonth: Number(e.hoursPerMonth.toFixed(2)),
    ecs: side(e.ecs),
    eks: side(e.eks),
    assumptions: e.assumptions,
    pricesAsOf: e.pricesAsOf,
    regionName: e.regionName,
    hoursLabel: e.hoursLabel,
    differenceMonthlyUsd: e.differenceMonthlyUsd,
    differenceYearlyUsd: e.differenceYearlyUsd,
    verdict: e.verdict,
    warnings: e.warnings,
    sources: e.sources,
    snapshotDate: e.snapshotDate,
    currency: e.currency,
  };
}

/** `{ "estimate": { ... } }`, pretty-printed, as in the JSON contract. */
export function estimateToJson(e: Estimate): string {
  return JSON.stringify({ estimate: toContractEstimate(e) }, null, 2);
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? v.toFixed(2) : v;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One table: line items and totals per side, the difference, then region, dates, assumptions, warnings, sources. */
export function estimateToCsv(e: Estimate): string {
  const rows: (string | number | null | undefined)[][] = [
    ['section', 'item', 'monthly_usd', 'yearly_usd', 'note'],
  ];
  for (const [name, s] of [
    ['ecs', e.ecs],
    ['eks', e.eks],
  ] as const) {
    for (const l of s.lineItems)
      rows.push([name, l.label, roundCents(l.monthlyUsd), roundCents(l.monthlyUsd * 12), l.formula]);
    rows.push([
      name,
      `Total (${s.platform})`,
      money(s.monthlyUsd),
      money(s.yearlyUsd),
      s.reason
        ? `not priced: ${s.reason}`
        : s.monthlyRangeUsd
          ? `Fargate Spot range ${formatUsd(s.monthlyRangeUsd.min)}-${formatUsd(s.monthlyRangeUsd.max)}/month`
          : '',
    ]);
  }
  rows.push(['difference', 'EKS minus ECS', e.differenceMonthlyUsd, e.differenceYearlyUsd, e.verdict]);
  rows.push(['info', 'Region', null, null, `${e.region} (${e.regionName})`]);
  rows.push(['info', 'Hours per month', null, null, e.hoursLabel]);
  rows.push(['info', 'Prices as of', null, null, e.pricesAsOf]);
  rows.push(['info', 'Snapshot date', null, null, e.snapshotDate]);
  for (const a of e.assumptions) rows.push(['assumption', '', null, null, a]);
  for (const w of e.warnings) rows.push(['warning', '', null, null, w]);
  for (const s of e.sources) rows.push(['source', s.title, null, null, `${s.url} (as of ${s.asOf})`]);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

function sideText(name: string, s: SideEstimate): string[] {
  const head =
    s.monthlyUsd === null
      ? `${name} — ${s.platform}: cannot be priced: ${s.reason}`
      : `${name} — ${s.platform}: ${formatUsd(s.monthlyUsd)}/month, ${formatUsd(s.yearlyUsd!)}/year${
          s.monthlyRangeUsd
            ? ` (with Fargate Spot: ${formatUsd(s.monthlyRangeUsd.min)}-${formatUsd(s.monthlyRangeUsd.max)}/month)`
            : ''
        }`;
  const lines = [
    head,
    ...s.lineItems.map((l) => `  • ${l.label}: ${formatUsd(l.monthlyUsd)}/month (${l.formula})`),
  ];
  if (s.pricedPartMonthlyUsd !== undefined) {
    lines.push(
      `  (the lines that could be priced add up to ${formatUsd(s.pricedPartMonthlyUsd)}/month: not a total)`,
    );
  }
  for (const n of s.notes) lines.push(`  note: ${n}`);
  return lines;
}

/** Plain text (no chat markup) for any front end to wrap. */
export function estimateToText(e: Estimate): string {
  const out = [
    `Monthly cost in ${e.region} (${e.regionName}), ${e.hoursLabel}`,
    ...sideText('ECS', e.ecs),
    ...sideText('EKS', e.eks),
    `Verdict: ${e.verdict}`,
    'Assumptions:',
    ...e.assumptions.map((a) => `  - ${a}`),
  ];
  if (e.warnings.length) out.push('Warnings:', ...e.warnings.map((w) => `  ! ${w}`));
  out.push(
    `Prices as of ${e.pricesAsOf}. Sources:`,
    ...e.sources.map((s) => `  - ${s.title}: ${s.url} (as of ${s.asOf})`),
  );
  return out.join('\n');
}

/** Per-side what-if deltas, e.g. { ecs: "+$73.00/month (from $108.12 to $181.12)", eks: ... }. */
export function compareEstimates(before: Estimate, after: Estimate): { ecs: string; eks: string } {
  return {
    ecs: describeChange(before.ecs.monthlyUsd, after.ecs.monthlyUsd),
    eks: describeChange(before.eks.monthlyUsd, after.eks.monthlyUsd),
  };
}
