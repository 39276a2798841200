// Shared helpers for the cost tests: parse with the real snapshot and fail loudly on problems.
import {
  type CostRequest,
  estimateCost,
  loadPricingSnapshot,
  parseCostRequest,
} from '../../../src/cost/index.ts';

export const snapshot = loadPricingSnapshot();
/** A fixed clock 30 days after the snapshot, so no staleness warning unless a test asks for one. */
export const NOW = new Date('2026-12-28T12:00:00Z');

export function req(text: string, previous?: CostRequest): CostRequest {
  const r = parseCostRequest(text, previous, { snapshot });
  if (!r.ok) throw new Error(`unexpected problems for "${text}": ${r.problems.join(' | ')}`);
  return r.request;
}

export function problems(text: string, previous?: CostRequest): string[] {
  const r = parseCostRequest(text, previous, { snapshot });
  if (r.ok) throw new Error(`expected problems for "${text}"`);
  return r.problems;
}

export function est(text: string, previous?: CostRequest) {
  return estimateCost(req(text, previous), snapshot, { now: NOW });
}

export function line(items: { label: string; monthlyUsd: number }[], startsWith: string): number {
  const l = items.find((i) => i.label.startsWith(startsWith));
  if (!l)
    throw new Error(`no line item starting with "${startsWith}" in ${items.map((i) => i.label).join(', ')}`);
  return l.monthlyUsd;
}
