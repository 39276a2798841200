// EC2 instance-type helpers: Graviton detection, Arm/x86 counterparts, "did you mean" suggestions.
import { getEc2Price, knownInstanceTypes, type PricingSnapshot } from './snapshot.ts';

export const DEFAULT_INSTANCE = { x86: 'm6i.large', arm: 'm7g.large' } as const;

/** Graviton families carry a "g" after the generation digit (m7g, c6gn, r6gd, t4g, x2gd); a1 is the first Arm type. */
export function isGraviton(type: string): boolean {
  return /^(a1|[a-z]+\d+g[a-z]*)\./.test(type);
}

function split(type: string): { cls: string; size: string } | null {
  const m = /^([a-z]+)\d+[a-z-]*\.(.+)$/.exec(type);
  return m ? { cls: m[1]!, size: m[2]! } : null;
}

/**
 * Same class and size on the other architecture, preferring current generations, picking the first with a
 * price in the region (or anywhere in the snapshot). Null when none is priced.
 */
export function counterpart(
  s: PricingSnapshot,
  region: string,
  type: string,
  to: 'arm' | 'x86',
): string | null {
  const p = split(type);
  if (!p) return null;
  const gens =
    to === 'arm'
      ? p.cls === 't'
        ? ['t4g']
        : [`${p.cls}7g`, `${p.cls}6g`, `${p.cls}8g`]
      : p.cls === 't'
        ? ['t3', 't3a']
        : [`${p.cls}7i`, `${p.cls}6i`, `${p.cls}5`];
  const candidates = gens.map((g) => `${g}.${p.size}`);
  const known = knownInstanceTypes(s);
  return (
    candidates.find((c) => getEc2Price(s, region, c) !== null) ?? candidates.find((c) => known.has(c)) ?? null
  );
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

/** Up to `n` known instance types closest to a mistyped one. */
export function suggestInstanceTypes(s: PricingSnapshot, type: string, n = 3): string[] {
  return [...knownInstanceTypes(s)]
    .map((t) => ({ t, d: distance(type, t) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(type.length / 3)))
    .sort((a, b) => a.d - b.d || a.t.localeCompare(b.t))
    .slice(0, n)
    .map((x) => x.t);
}
