// Billing rules as pure functions over a request and a pricing snapshot. Everything is full precision here;
// rounding to cents happens only in the verdict text and in the exports.
import type { Source } from '../knowledge/schema.ts';
import { EKS_FARGATE_DOC, eksFargatePodSize, formatGb, formatVcpu } from './fargate.ts';
import { HOURS_PER_MONTH } from './hours.ts';
import { DEFAULT_INSTANCE } from './instances.ts';
import { formatRate, formatUsd, roundCents } from './money.ts';
import { REGIONS, regionLabel } from './regions.ts';
import {
  getAutoModeFee,
  getEc2Price,
  getPrice,
  loadPricingSnapshot,
  type PriceKey,
  type PricingSnapshot,
  type ResolvedPrice,
  regionsWithEc2Price,
} from './snapshot.ts';
import type { CostRequest, Estimate, LineItem, LineKind, SideEstimate } from './types.ts';
import { validateRequest } from './validate.ts';

export const STALE_AFTER_DAYS = 120;
const OLD_PRICE_DAYS = 365;
/** Only ever shown as a labelled note, never added to a total. */
const AUTO_MODE_FEE_RULE_OF_THUMB = 0.12;
const DAY_MS = 86_400_000;

export interface EstimateOptions {
  /** Injected clock for the staleness checks. */
  now?: Date;
}

/** Collects the prices used, so sources, the as-of date and confidence warnings cover exactly those. */
class PriceBook {
  readonly used = new Map<string, ResolvedPrice & { where: string }>();
  constructor(
    readonly s: PricingSnapshot,
    readonly region: string,
  ) {}

  private track(p: ResolvedPrice | null, id: string): ResolvedPrice | null {
    if (p) this.used.set(id, { ...p, where: this.region });
    return p;
  }
  price(key: PriceKey): ResolvedPrice | null {
    return this.track(getPrice(this.s, this.region, key), key);
  }
  ec2(type: string): ResolvedPrice | null {
    return this.track(getEc2Price(this.s, this.region, type), `ec2:${type}`);
  }
  autoModeFee(type: string): ResolvedPrice | null {
    return this.track(getAutoModeFee(this.s, this.region, type), `auto:${type}`);
  }
}

/** Builds one side: lines, prices that are missing, or a reason the side cannot exist at all. */
class Side {
  lines: LineItem[] = [];
  missing: string[] = [];
  notes: string[] = [];
  unavailable: string | null = null;
  spotFloorSavings = 0;
  constructor(
    readonly platform: string,
    readonly book: PriceBook,
  ) {}

  add(
    kind: LineKind,
    label: string,
    price: ResolvedPrice | null,
    quantity: number,
    qtyText: string,
    missingText?: string,
  ) {
    if (!price) {
      this.missing.push(missingText ?? `${labelOf(label)} in ${this.book.region}`);
      return 0;
    }
    const monthlyUsd = quantity * price.usd;
    this.lines.push({ label, monthlyUsd, formula: `${qtyText} x ${formatRate(price.usd)}`, kind });
    return monthlyUsd;
  }

  finish(): SideEstimate {
    const sum = this.lines.reduce((a, l) => a + l.monthlyUsd, 0);
    const base = { platform: this.platform, lineItems: this.lines, notes: this.notes };
    if (this.unavailable)
      return { ...base, monthlyUsd: null, yearlyUsd: null, lineItems: [], reason: this.unavailable };
    if (this.missing.length) {
      return {
        ...base,
        monthlyUsd: null,
        yearlyUsd: null,
        reason: `no price in the snapshot for: ${this.missing.join('; ')} (prices we do not have are never guessed)`,
        pricedPartMonthlyUsd: sum,
      };
    }
    const side: SideEstimate = { ...base, monthlyUsd: sum, yearlyUsd: sum * 12 };
    if (this.spotFloorSavings > 0) side.monthlyRangeUsd = { min: sum - this.spotFloorSavings, max: sum };
    return side;
  }
}

function labelOf(lineLabel: string): string {
  return lineLabel.replace(/\s*\(.*\)$/, '');
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function hoursText(h: number): string {
  return `${Number(h.toFixed(2))} h`;
}

function fargateRates(book: PriceBook, r: CostRequest) {
  if (r.os === 'windows') {
    return {
      vcpu: book.price('fargate.windows.vcpuHour'),
      gb: book.price('fargate.windows.gbHour'),
      name: 'Windows ',
      vcpuSuffix: ', incl. OS license',
    };
  }
  if (r.arch === 'arm') {
    return {
      vcpu: book.price('fargate.arm.vcpuHour'),
      gb: book.price('fargate.arm.gbHour'),
      name: 'Arm ',
      vcpuSuffix: '',
    };
  }
  return {
    vcpu: book.price('fargate.x86.vcpuHour'),
    gb: book.price('fargate.x86.gbHour'),
    name: '',
    vcpuSuffix: '',
  };
}

function fargateLines(
  side: Side,
  r: CostRequest,
  vcpu: number,
  memoryGb: number,
  unit: 'task' | 'pod',
): number {
  const rates = fargateRates(side.book, r);
  const n = plural(r.tasks, unit);
  const h = hoursText(r.hoursPerMonth);
  let total = side.add(
    'compute',
    `Fargate ${rates.name}vCPU (${n} x ${formatVcpu(vcpu).replace(' vCPU', '')} vCPU${rates.vcpuSuffix})`,
    rates.vcpu,
    r.tasks * vcpu * r.hoursPerMonth,
    `${r.tasks} x ${formatVcpu(vcpu)} x ${h}`,
  );
  total += side.add(
    'compute',
    `Fargate ${rates.name}memory (${n} x ${formatGb(memoryGb)})`,
    rates.gb,
    r.tasks * memoryGb * r.hoursPerMonth,
    `${r.tasks} x ${formatGb(memoryGb)} x ${h}`,
  );
  if (r.ephemeralGb > 20) {
    const extra = r.ephemeralGb - 20;
    total += side.add(
      'compute',
      `Fargate ephemeral storage (${n} x ${formatGb(extra)} over the included 20 GB)`,
      side.book.price('fargate.ephemeral.gbHour'),
      r.tasks * extra * r.hoursPerMonth,
      `${r.tasks} x ${formatGb(extra)} x ${h}`,
    );
  }
  return total;
}

function ec2Missing(book: PriceBook, type: string): string {
  const elsewhere = regionsWithEc2Price(book.s, type);
  const where = elsewhere.length
    ? `priced only in ${elsewhere.join(', ')}`
    : 'no region in the snapshot has it';
  return `EC2 ${type} in ${book.region} (${where})`;
}

function ec2Lines(side: Side, r: CostRequest): void {
  side.add(
    'compute',
    `EC2 ${r.instanceType} (${plural(r.nodes, 'node')})`,
    side.book.ec2(r.instanceType),
    r.nodes * r.hoursPerMonth,
    `${r.nodes} x ${hoursText(r.hoursPerMonth)}`,
    ec2Missing(side.book, r.instanceType),
  );
}

function sharedLines(side: Side, r: CostRequest): void {
  const e = r.extras;
  const full = HOURS_PER_MONTH;
  const b = side.book;
  if (e.alb > 0) {
    side.add(
      'shared',
      `Application Load Balancer (${plural(e.alb, 'ALB')})`,
      b.price('alb.hour'),
      e.alb * full,
      `${e.alb} x ${full} h`,
    );
    side.add(
      'shared',
      `ALB LCUs (${plural(e.alb, 'ALB')} x ${e.albLcus} LCU)`,
      b.price('alb.lcuHour'),
      e.alb * e.albLcus * full,
      `${e.alb} x ${e.albLcus} LCU x ${full} h`,
    );
  }
  if (e.natGateways > 0) {
    side.add(
      'shared',
      `NAT gateway hours (${plural(e.natGateways, 'gateway')})`,
      b.price('nat.hour'),
      e.natGateways * full,
      `${e.natGateways} x ${full} h`,
    );
  }
  if (e.natGb > 0) {
    side.add(
      'shared',
      `NAT data processing (${e.natGb} GB/month)`,
      b.price('nat.gb'),
      e.natGb,
      `${e.natGb} GB`,
    );
  }
  if (e.logsGb > 0) {
    side.add(
      'shared',
      `CloudWatch Logs ingestion (${e.logsGb} GB/month)`,
      b.price('logs.ingestGb'),
      e.logsGb,
      `${e.logsGb} GB`,
    );
  }
  if (e.publicIps > 0) {
    side.add(
      'shared',
      `Public IPv4 addresses (${plural(e.publicIps, 'address').replace('addresss', 'addresses')})`,
      b.price('ipv4.hour'),
      e.publicIps * full,
      `${e.publicIps} x ${full} h`,
    );
  }
}

const GPU_REASON =
  'Fargate has no GPUs (on ECS or EKS); GPU work needs EC2 GPU instances, e.g. "on EC2 with 2 g5.xlarge nodes"';

function ecsSide(book: PriceBook, r: CostRequest): Side {
  const platform =
    r.compute === 'fargate' ? `ECS on Fargate${r.spot ? ' Spot' : ''}` : 'ECS on EC2 (capacity you manage)';
  const side = new Side(platform, book);
  if (r.compute === 'fargate') {
    if (r.gpu) side.unavailable = GPU_REASON;
    else if (r.os === 'windows' && r.arch === 'arm') side.unavailable = 'Windows on Fargate runs on x86 only';
    else if (r.os === 'windows' && r.spot) side.unavailable = 'Fargate Spot does not run Windows tasks';
    else if (r.os === 'windows' && r.vcpu < 1)
      side.unavailable = 'Windows tasks on Fargate need at least 1 vCPU';
    if (side.unavailable) return side;
    const compute = fargateLines(side, r, r.vcpu, r.memoryGb, 'task');
    if (r.spot) {
      const pct = book.s.fargateSpot.maxDiscountPct;
      side.spotFloorSavings = (compute * pct) / 100;
      side.notes.push(
        `Fargate Spot bills a floating rate up to ${pct}% below on-demand: the total is the on-demand ceiling and the range runs down to the floor at ${pct}% off (Spot tasks can be interrupted with a 2-minute warning)`,
      );
    }
  } else {
    if (r.os === 'windows')
      side.unavailable = 'the snapshot has Linux EC2 prices only, so Windows nodes cannot be priced';
    else if (r.spot)
      side.unavailable =
        'EC2 Spot prices float and are not in the AWS Price List; the snapshot is on-demand only';
    if (side.unavailable) return side;
    ec2Lines(side, r);
    if (r.compute === 'auto-mode') {
      side.notes.push(
        'ECS has no Auto Mode: priced as ECS on the same EC2 nodes; ECS Managed Instances, the closest match, adds a per-instance fee that is not in this snapshot',
      );
    }
  }
  side.notes.push(`ECS has no cluster or control-plane fee (${plural(r.clusters, 'cluster')} cost nothing)`);
  sharedLines(side, r);
  return side;
}

function eksSide(book: PriceBook, r: CostRequest): { side: Side; podNote?: string } {
  const platform =
    r.compute === 'fargate'
      ? 'EKS on Fargate'
      : r.compute === 'auto-mode'
        ? 'EKS Auto Mode'
        : 'EKS on EC2 (managed node group)';
  const side = new Side(platform, book);
  let podNote: string | undefined;
  if (r.compute === 'fargate') {
    if (r.gpu) side.unavailable = GPU_REASON;
    else if (r.os === 'windows')
      side.unavailable = 'EKS on Fargate does not run Windows pods; Windows on EKS needs EC2 Windows nodes';
    else if (r.arch === 'arm') {
      side.unavailable =
        'EKS on Fargate does not support Arm/Graviton (Fargate Arm is ECS-only); Graviton on EKS needs EC2 nodes such as m7g.large';
    } else if (r.spot) {
      side.unavailable =
        'EKS on Fargate has no Fargate Spot (it is ECS-only); say "on-demand" to price EKS on Fargate, or use EC2 nodes';
    } else if (r.ephemeralGb > 20) {
      side.unavailable =
        'this estimator has no billing rule for ephemeral storage over 20 GB on EKS Fargate pods';
    }
    if (side.unavailable) return { side };
    const pod = eksFargatePodSize(r.vcpu, r.memoryGb);
    if (!pod) {
      side.unavailable = `a pod of ${formatVcpu(r.vcpu)} / ${formatGb(r.memoryGb)} plus 256 MB does not fit the largest Fargate size (16 vCPU / 120 GB)`;
      return { side };
    }
    podNote = `Each EKS Fargate pod gets 256 MB added for kubelet, kube-proxy and containerd and is rounded up to the next valid Fargate size: ${formatVcpu(r.vcpu)} / ${formatGb(r.memoryGb)} requested + 256 MB = ${formatGb(pod.requestedGb)} -> billed as ${formatVcpu(pod.vcpu)} / ${formatGb(pod.memoryGb)} (${EKS_FARGATE_DOC})`;
    side.notes.push(podNote);
    fargateLines(side, r, pod.vcpu, pod.memoryGb, 'pod');
  } else {
    if (r.os === 'windows') {
      side.unavailable =
        r.compute === 'auto-mode'
          ? 'EKS Auto Mode does not run Windows nodes'
          : 'the snapshot has Linux EC2 prices only, so Windows nodes cannot be priced';
    } else if (r.spot)
      side.unavailable =
        'EC2 Spot prices float and are not in the AWS Price List; the snapshot is on-demand only';
    if (side.unavailable) return { side };
    ec2Lines(side, r);
    if (r.compute === 'auto-mode') {
      const fee = book.autoModeFee(r.instanceType);
      side.add(
        'auto-mode-fee',
        `EKS Auto Mode fee ${r.instanceType} (${plural(r.nodes, 'node')})`,
        fee,
        r.nodes * r.hoursPerMonth,
        `${r.nodes} x ${hoursText(r.hoursPerMonth)}`,
        `EKS Auto Mode fee for ${r.instanceType} in ${book.region} (the fee is unknown for this type, so it is not guessed)`,
      );
      const ec2 = getEc2Price(book.s, book.region, r.instanceType);
      if (!fee && ec2) {
        side.notes.push(
          `Rough guide only, not in any total: the Auto Mode fee is often about 12% of on-demand, which would be about ${formatUsd(ec2.usd * AUTO_MODE_FEE_RULE_OF_THUMB * r.nodes * r.hoursPerMonth)}/month here`,
        );
      }
    }
  }
  const key = r.support === 'extended' ? 'eks.cluster.extendedHour' : 'eks.cluster.standardHour';
  side.add(
    'control-plane',
    `EKS control plane (${plural(r.clusters, 'cluster')}, ${r.support} support)`,
    book.price(key),
    r.clusters * HOURS_PER_MONTH,
    `${r.clusters} x ${HOURS_PER_MONTH} h`,
  );
  sharedLines(side, r);
  return { side, podNote };
}

/** b - a between the cent-rounded amounts, so the shown difference matches the shown totals. */
function centsDiff(a: number, b: number): number {
  return (Math.round(roundCents(b) * 100) - Math.round(roundCents(a) * 100)) / 100;
}

function sumKind(s: Side, kind: LineKind): number {
  return s.lines.filter((l) => l.kind === kind).reduce((a, l) => a + l.monthlyUsd, 0);
}

function verdict(r: CostRequest, ecs: Side, eks: Side, ecsOut: SideEstimate, eksOut: SideEstimate): string {
  if (ecsOut.monthlyUsd === null && eksOut.monthlyUsd === null) {
    return ecsOut.reason === eksOut.reason
      ? `Neither side can be priced: ${ecsOut.reason}.`
      : `Neither side can be priced. ECS: ${ecsOut.reason}. EKS: ${eksOut.reason}.`;
  }
  if (eksOut.monthlyUsd === null) {
    const range = ecsOut.monthlyRangeUsd;
    const price = range
      ? `${formatUsd(range.min)} to ${formatUsd(range.max)}/month on Fargate Spot`
      : `${formatUsd(ecsOut.monthlyUsd!)}/month`;
    return `Only ECS can be priced (${price}). EKS: ${eksOut.reason}.`;
  }
  if (ecsOut.monthlyUsd === null)
    return `Only EKS can be priced (${formatUsd(eksOut.monthlyUsd)}/month). ECS: ${ecsOut.reason}.`;
  const diffCents = Math.round(centsDiff(ecsOut.monthlyUsd, eksOut.monthlyUsd) * 100);
  const parts: string[] = [];
  const cp = sumKind(eks, 'control-plane');
  if (cp > 0) {
    parts.push(
      `the control-plane fee for ${plural(r.clusters, 'cluster')}${r.support === 'extended' ? ' on extended support' : ''} (${formatUsd(cp)})`,
    );
  }
  const fee = sumKind(eks, 'auto-mode-fee');
  if (fee > 0) parts.push(`the EKS Auto Mode fee (${formatUsd(fee)})`);
  const computeDiff = sumKind(eks, 'compute') - sumKind(ecs, 'compute');
  if (Math.abs(computeDiff) < 0.005) parts.push('compute is priced the same on both');
  else if (r.compute === 'fargate' && computeDiff > 0) {
    parts.push(`EKS Fargate pods are rounded up to a larger size (+${formatUsd(computeDiff)} compute)`);
  } else {
    parts.push(
      `compute differs by ${formatUsd(Math.abs(computeDiff))} (${computeDiff > 0 ? 'EKS' : 'ECS'} higher)`,
    );
  }
  const spot = ecsOut.monthlyRangeUsd
    ? ` ECS on Fargate Spot could be as low as ${formatUsd(ecsOut.monthlyRangeUsd.min)}/month.`
    : '';
  if (diffCents === 0)
    return `ECS and EKS cost the same (${formatUsd(ecsOut.monthlyUsd)}/month): ${parts.join('; ')}.${spot}`;
  const who = diffCents > 0 ? 'EKS' : 'ECS';
  return `${who} costs ${formatUsd(Math.abs(diffCents) / 100)}/month more: ${parts.join('; ')}.${spot}`;
}

const DEFAULT_TEXT: Partial<Record<string, (r: CostRequest) => string | null>> = {
  compute: () => 'Compute: Fargate (default; say "on EC2 with 3 m5.large nodes" or "auto mode" to change)',
  tasks: (r) =>
    r.compute === 'fargate' ? `${plural(r.tasks, 'task')}/pod${r.tasks === 1 ? '' : 's'} (default)` : null,
  vcpu: (r) =>
    r.compute === 'fargate'
      ? `${formatVcpu(r.vcpu)} per task (default: the smallest Fargate size that fits)`
      : null,
  memoryGb: (r) =>
    r.compute === 'fargate'
      ? `${formatGb(r.memoryGb)} per task (default: the smallest valid with ${formatVcpu(r.vcpu)})`
      : null,
  instanceType: (r) =>
    r.compute !== 'fargate'
      ? `Instance type ${r.instanceType} (default general-purpose ${r.instanceType === DEFAULT_INSTANCE.arm ? 'Graviton' : 'x86'} type)`
      : null,
  nodes: (r) =>
    r.compute !== 'fargate'
      ? `${plural(r.nodes, 'node')} (default; the node count is not derived from task sizes, so say how many)`
      : null,
  region: (r) => `Region ${regionLabel(r.region)} (default)`,
  clusters: (r) => `${plural(r.clusters, 'cluster')} (default)`,
  support: () =>
    'EKS standard Kubernetes version support (default; extended support costs $0.60 per cluster-hour in total)',
};

function assumptions(
  r: CostRequest,
  book: PriceBook,
  pricesAsOf: string,
  podNote: string | undefined,
): string[] {
  const out: string[] = [r.hoursLabel];
  const platform = r.os === 'windows' ? 'Windows' : 'Linux';
  const arch = r.arch === 'arm' ? 'Arm (Graviton)' : 'x86';
  out.push(`${platform}/${arch}, ${r.spot ? 'Fargate Spot on ECS (a range, see notes)' : 'on-demand'}`);
  if (!r.defaults.includes('region')) out.push(`Region ${regionLabel(r.region)}`);
  for (const f of r.defaults) {
    const t = DEFAULT_TEXT[f]?.(r);
    if (t) out.push(t);
  }
  if (r.hoursPerMonth !== HOURS_PER_MONTH) {
    out.push(
      'The hours apply to compute only: the EKS control plane, load balancers, NAT gateways and public IPv4 addresses bill all 730 hours of the month',
    );
  }
  if (r.compute === 'fargate')
    out.push('ECS task size = EKS pod request; ECS tasks are billed at the size given');
  if (podNote) out.push('EKS Fargate pods are billed at the rounded-up size (see the EKS notes)');
  const e = r.extras;
  if (e.alb + e.natGateways + e.natGb + e.logsGb + e.publicIps === 0) {
    out.push(
      'No ALB, NAT gateway, log ingestion or public IPv4 included (ask, e.g. "with an alb and 2 nat gateways")',
    );
  } else {
    out.push('ALB, NAT, log and public IPv4 lines are the same on both sides');
    if (e.alb > 0) out.push(`ALB usage: ${e.albLcus} LCU per ALB on average, all month`);
    if (e.natGateways > 0 && e.natGb === 0)
      out.push('NAT data processing: 0 GB (say e.g. "500 GB through NAT")');
  }
  out.push(`Prices as of ${pricesAsOf}: the oldest as-of date among the prices used`);
  const partial = [...book.used.values()].filter((p) => p.asOfPrecision !== 'day');
  if (partial.length) {
    const list = partial.map((p) =>
      p.asOfPrecision === 'undated'
        ? `${p.label} (undated at source, recorded ${p.source.asOf})`
        : `${p.label} (source gives only the ${p.asOfPrecision}: ${p.source.asOf.slice(0, p.asOfPrecision === 'year' ? 4 : 7)})`,
    );
    out.push(`Partly dated prices, taken as of the first day of the period given: ${list.join('; ')}`);
  }
  out.push('USD, excluding tax, data transfer, EBS and anything not listed; yearly = 12 x monthly');
  out.push(
    'Computed in full precision and rounded to cents only for display, so line items may differ from the total by a cent',
  );
  return out;
}

function warnings(book: PriceBook, now: Date): string[] {
  const out: string[] = [];
  const snapAge = Math.floor((now.getTime() - Date.parse(book.s.snapshotDate)) / DAY_MS);
  if (snapAge > STALE_AFTER_DAYS) {
    out.push(
      `The pricing snapshot is from ${book.s.snapshotDate}, ${snapAge} days ago (more than ${STALE_AFTER_DAYS}): AWS prices may have changed, so re-check them or refresh the snapshot`,
    );
  }
  for (const p of book.used.values()) {
    if (p.confidence === 'low') {
      out.push(
        `Low-confidence price used: ${p.label} in ${p.where} = ${formatRate(p.usd)} (${p.source.title})`,
      );
    }
    const age = Math.floor((now.getTime() - Date.parse(p.source.asOf)) / DAY_MS);
    if (age > OLD_PRICE_DAYS) {
      out.push(
        `Old price used: ${p.label} in ${p.where} comes from a source dated ${p.source.asOf}; re-check it`,
      );
    }
  }
  return out;
}

function sources(book: PriceBook, extra: Source[]): Source[] {
  // One entry per source and date, naming the prices it backs when one page carries several dates.
  const byDate = new Map<string, { source: Source; labels: string[] }>();
  for (const p of book.used.values()) {
    const key = `${p.source.url}|${p.source.title}|${p.source.asOf}`;
    const entry = byDate.get(key) ?? { source: p.source, labels: [] };
    entry.labels.push(p.label);
    byDate.set(key, entry);
  }
  for (const s of extra)
    if (!byDate.has(`${s.url}|${s.title}|${s.asOf}`))
      byDate.set(`${s.url}|${s.title}|${s.asOf}`, { source: s, labels: [] });
  const dates = new Map<string, number>();
  for (const { source } of byDate.values())
    dates.set(`${source.url}|${source.title}`, (dates.get(`${source.url}|${source.title}`) ?? 0) + 1);
  return [...byDate.values()].map(({ source, labels }) =>
    (dates.get(`${source.url}|${source.title}`) ?? 0) > 1 && labels.length > 0
      ? { ...source, title: `${source.title}: ${labels.join(', ')}` }
      : source,
  );
}

/** Prices both sides of a request. Never throws for a bad request: sides come back unpriced with a reason. */
export function estimateCost(
  request: CostRequest,
  snapshot: PricingSnapshot = loadPricingSnapshot(),
  options: EstimateOptions = {},
): Estimate {
  const now = options.now ?? new Date();
  const book = new PriceBook(snapshot, request.region);
  const problems = validateRequest(request, snapshot);
  let ecs: Side;
  let eks: Side;
  let podNote: string | undefined;
  if (problems.length) {
    ecs = new Side('ECS', book);
    eks = new Side('EKS', book);
    ecs.unavailable = eks.unavailable = `the request is not valid: ${problems.join('; ')}`;
  } else {
    ecs = ecsSide(book, request);
    ({ side: eks, podNote } = eksSide(book, request));
  }
  const ecsOut = ecs.finish();
  const eksOut = eks.finish();
  const both = ecsOut.monthlyUsd !== null && eksOut.monthlyUsd !== null;
  const dates = [...book.used.values()].map((p) => p.source.asOf).sort();
  const pricesAsOf = dates[0] ?? snapshot.snapshotDate;
  const extraSources: Source[] = [];
  if (podNote) {
    extraSources.push({
      title: 'Amazon EKS user guide: Fargate pod configuration',
      url: EKS_FARGATE_DOC,
      asOf: snapshot.snapshotDate,
    });
  }
  if (ecsOut.monthlyRangeUsd) extraSources.push(snapshot.fargateSpot.source);
  return {
    region: request.region,
    regionName: REGIONS[request.region]?.name ?? request.region,
    hoursPerMonth: request.hoursPerMonth,
    hoursLabel: request.hoursLabel,
    ecs: ecsOut,
    eks: eksOut,
    differenceMonthlyUsd: both ? centsDiff(ecsOut.monthlyUsd!, eksOut.monthlyUsd!) : null,
    differenceYearlyUsd: both ? centsDiff(ecsOut.yearlyUsd!, eksOut.yearlyUsd!) : null,
    verdict: verdict(request, ecs, eks, ecsOut, eksOut),
    assumptions: problems.length ? [request.hoursLabel] : assumptions(request, book, pricesAsOf, podNote),
    pricesAsOf,
    snapshotDate: snapshot.snapshotDate,
    currency: 'USD',
    sources: sources(book, extraSources),
    warnings: warnings(book, now),
    request,
  };
}
