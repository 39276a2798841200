// Request checks shared by the parser and the estimator: every problem names what is wrong and what is valid.
import { checkFargateSize, formatVcpu, VALID_VCPUS } from './fargate.ts';
import { MAX_HOURS_PER_MONTH } from './hours.ts';
import { suggestInstanceTypes } from './instances.ts';
import { REGIONS, regionLabel } from './regions.ts';
import { knownInstanceTypes, type PricingSnapshot } from './snapshot.ts';
import type { CostRequest } from './types.ts';

/** Sane caps: far above real use, low enough to catch typos and keep totals meaningful. */
export const LIMITS = {
  tasks: 100_000,
  nodes: 10_000,
  clusters: 1_000,
  alb: 100,
  albLcus: 10_000,
  natGateways: 100,
  natGb: 10_000_000,
  logsGb: 10_000_000,
  publicIps: 100_000,
  ephemeralGb: 200,
} as const;

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function count(name: string, value: number, max: number, min = 1): string | null {
  if (!Number.isFinite(value)) return `${name} must be a number`;
  if (!Number.isInteger(value)) return `${name} must be a whole number (got ${fmt(value)})`;
  if (value < min) return `${name} must be at least ${min} (got ${fmt(value)})`;
  if (value > max) return `${name} of ${fmt(value)} is over the limit of ${fmt(max)} this estimator accepts`;
  return null;
}

function amount(name: string, value: number, max: number): string | null {
  if (!Number.isFinite(value)) return `${name} must be a number`;
  if (value < 0) return `${name} cannot be negative (got ${fmt(value)})`;
  if (value > max) return `${name} of ${fmt(value)} is over the limit of ${fmt(max)} this estimator accepts`;
  return null;
}

export function supportedRegionsText(s: PricingSnapshot): string {
  return Object.keys(s.regions).map(regionLabel).join(', ');
}

export function regionProblem(s: PricingSnapshot, code: string): string | null {
  if (code in s.regions) return null;
  const known =
    code in REGIONS
      ? `${regionLabel(code)} has no prices in the pricing snapshot`
      : `unknown region "${code}"`;
  return `${known}; supported regions: ${supportedRegionsText(s)}`;
}

export function instanceProblem(s: PricingSnapshot, type: string): string | null {
  if (knownInstanceTypes(s).has(type)) return null;
  const close = suggestInstanceTypes(s, type);
  return `unknown instance type "${type}"${close.length ? `: did you mean ${close.join(', ')}?` : ' (expected a type like m5.large)'}`;
}

export function validateRequest(r: CostRequest, s: PricingSnapshot): string[] {
  const p: (string | null)[] = [];
  p.push(count('the number of tasks/pods', r.tasks, LIMITS.tasks));
  p.push(count('the number of clusters', r.clusters, LIMITS.clusters));
  p.push(regionProblem(s, r.region));
  if (r.compute === 'fargate') {
    if (!Number.isFinite(r.vcpu) || r.vcpu <= 0) {
      p.push(
        `vCPU must be more than 0 (got ${fmt(r.vcpu)}); Fargate sizes are ${VALID_VCPUS.join(', ')} vCPU`,
      );
    } else if (!Number.isFinite(r.memoryGb) || r.memoryGb <= 0) {
      p.push(
        `memory must be more than 0 GB (got ${fmt(r.memoryGb)}); ${formatVcpu(r.vcpu)} needs a valid size`,
      );
    } else {
      p.push(checkFargateSize(r.vcpu, r.memoryGb));
    }
    if (!Number.isFinite(r.ephemeralGb) || r.ephemeralGb < 20 || r.ephemeralGb > LIMITS.ephemeralGb) {
      p.push(`ephemeral storage must be 20-200 GB per task (got ${fmt(r.ephemeralGb)}); 20 GB are included`);
    }
  } else {
    p.push(count('the number of nodes', r.nodes, LIMITS.nodes));
    p.push(instanceProblem(s, r.instanceType));
  }
  const badSchedule =
    r.schedule !== null &&
    !(r.schedule.hoursPerDay > 0 && r.schedule.hoursPerDay <= 24 && Number.isInteger(r.schedule.daysPerWeek));
  // A bad schedule is reported as such, not as the monthly hours it produces.
  if (
    !badSchedule &&
    (!Number.isFinite(r.hoursPerMonth) || r.hoursPerMonth <= 0 || r.hoursPerMonth > MAX_HOURS_PER_MONTH)
  ) {
    p.push(
      `hours per month must be more than 0 and at most ${MAX_HOURS_PER_MONTH} (got ${fmt(r.hoursPerMonth)})`,
    );
  }
  if (r.schedule) {
    const { hoursPerDay: h, daysPerWeek: d } = r.schedule;
    if (!(h > 0 && h <= 24)) p.push(`hours per day must be more than 0 and at most 24 (got ${fmt(h)})`);
    if (!(Number.isInteger(d) && d >= 1 && d <= 7)) p.push(`days per week must be 1-7 (got ${fmt(d)})`);
  }
  const e = r.extras;
  p.push(count('the number of ALBs', e.alb, LIMITS.alb, 0));
  if (!(e.albLcus > 0) || e.albLcus > LIMITS.albLcus) {
    p.push(`LCUs per ALB must be more than 0 and at most ${fmt(LIMITS.albLcus)} (got ${fmt(e.albLcus)})`);
  }
  p.push(count('the number of NAT gateways', e.natGateways, LIMITS.natGateways, 0));
  p.push(amount('NAT data processed (GB/month)', e.natGb, LIMITS.natGb));
  p.push(amount('log ingestion (GB/month)', e.logsGb, LIMITS.logsGb));
  p.push(count('the number of public IPv4 addresses', e.publicIps, LIMITS.publicIps, 0));
  return p.filter((x): x is string => x !== null);
}
