// Money formatting. Amounts stay full precision until shown; these round half away from zero to cents.

/** Rounds to cents; strips binary noise first so 1.005 becomes 1.01 and 88.6512 becomes 88.65. */
export function roundCents(usd: number): number {
  if (!Number.isFinite(usd)) throw new RangeError(`not a finite amount: ${usd}`);
  const clean = Math.abs(Number(usd.toPrecision(12)));
  const cents = Math.round(Number(`${clean}e2`));
  const out = cents / 100;
  return usd < 0 && out !== 0 ? -out : out;
}

/** "$1,234.56"; negative amounts as "-$1,234.56". */
export function formatUsd(usd: number): string {
  const r = roundCents(usd);
  const s = Math.abs(r).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return r < 0 ? `-$${s}` : `$${s}`;
}

/** A unit price as given in the snapshot, e.g. "$0.04048" (no rounding: rates carry up to 6 decimals). */
export function formatRate(usd: number): string {
  const s = String(Number(usd.toPrecision(10)));
  const decimals = s.split('.')[1]?.length ?? 0;
  return `$${decimals >= 2 ? s : usd.toFixed(2)}`;
}

/** "+$73.00/month (from $108.12 to $181.12)"; the change is taken between the cent-rounded amounts. */
export function describeChange(fromUsd: number | null, toUsd: number | null): string {
  if (fromUsd === null && toUsd === null) return 'still cannot be priced';
  if (fromUsd === null) return `now ${formatUsd(toUsd!)}/month (could not be priced before)`;
  if (toUsd === null) return `can no longer be priced (was ${formatUsd(fromUsd)}/month)`;
  const cents = Math.round(roundCents(toUsd) * 100) - Math.round(roundCents(fromUsd) * 100);
  if (cents === 0) return `no change (${formatUsd(toUsd)}/month)`;
  const sign = cents > 0 ? '+' : '-';
  return `${sign}${formatUsd(Math.abs(cents) / 100)}/month (from ${formatUsd(fromUsd)} to ${formatUsd(toUsd)})`;
}
