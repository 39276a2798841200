// Region codes and the names people type for them. Knowing regions we have no prices for lets us say
// "London (eu-west-2) is not in the pricing snapshot" instead of "unknown region".

export interface RegionInfo {
  name: string;
  aliases: string[];
}

export const REGIONS: Record<string, RegionInfo> = {
  'us-east-1': {
    name: 'US East (N. Virginia)',
    aliases: ['n. virginia', 'n virginia', 'northern virginia', 'virginia', 'us east', 'us-east'],
  },
  'us-east-2': { name: 'US East (Ohio)', aliases: ['ohio'] },
  'us-west-1': {
    name: 'US West (N. California)',
    aliases: ['n. california', 'northern california', 'california'],
  },
  'us-west-2': { name: 'US West (Oregon)', aliases: ['oregon'] },
  'ca-central-1': { name: 'Canada (Central)', aliases: ['canada', 'montreal'] },
  'sa-east-1': { name: 'South America (Sao Paulo)', aliases: ['sao paulo', 'são paulo', 'brazil'] },
  'eu-west-1': { name: 'Europe (Ireland)', aliases: ['ireland', 'dublin'] },
  'eu-west-2': { name: 'Europe (London)', aliases: ['london'] },
  'eu-west-3': { name: 'Europe (Paris)', aliases: ['paris'] },
  'eu-central-1': { name: 'Europe (Frankfurt)', aliases: ['frankfurt'] },
  'eu-north-1': { name: 'Europe (Stockholm)', aliases: ['stockholm'] },
  'eu-south-1': { name: 'Europe (Milan)', aliases: ['milan'] },
  'ap-southeast-1': { name: 'Asia Pacific (Singapore)', aliases: ['singapore'] },
  'ap-southeast-2': { name: 'Asia Pacific (Sydney)', aliases: ['sydney'] },
  'ap-northeast-1': { name: 'Asia Pacific (Tokyo)', aliases: ['tokyo'] },
  'ap-northeast-2': { name: 'Asia Pacific (Seoul)', aliases: ['seoul'] },
  'ap-south-1': { name: 'Asia Pacific (Mumbai)', aliases: ['mumbai'] },
};

/** Loose spellings that name no single region. */
const AMBIGUOUS: Record<string, string[]> = {
  'us west': ['us-west-1', 'us-west-2'],
  'eu west': ['eu-west-1', 'eu-west-2', 'eu-west-3'],
  'eu central': ['eu-central-1'],
  'ap southeast': ['ap-southeast-1', 'ap-southeast-2'],
  'ap northeast': ['ap-northeast-1', 'ap-northeast-2'],
};

export type RegionMatch =
  | { kind: 'region'; code: string; text: string }
  | { kind: 'ambiguous'; text: string; candidates: string[] }
  | { kind: 'unknown'; text: string };

const CODE_RE =
  /\b(us|eu|ap|ca|sa|me|af|il|mx)[\s-]?(east|west|north|south|central|northeast|southeast|northwest|southwest)[\s-]?(\d{1,2})\b/g;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ALIAS_LIST = Object.entries(REGIONS)
  .flatMap(([code, r]) => r.aliases.map((a) => ({ alias: a, code })))
  .concat(Object.keys(AMBIGUOUS).map((a) => ({ alias: a, code: '' })))
  // Longest first so "n. virginia" wins over "virginia" and "us east 1" is seen as a code first.
  .sort((a, b) => b.alias.length - a.alias.length);

/** Finds region mentions (codes, "eu west 1", names) in lower-cased text; returns them with the matched text. */
export function findRegions(lower: string): RegionMatch[] {
  const out: RegionMatch[] = [];
  let rest = lower;
  for (const m of lower.matchAll(CODE_RE)) {
    const code = `${m[1]}-${m[2]}-${Number(m[3])}`;
    out.push(code in REGIONS ? { kind: 'region', code, text: m[0] } : { kind: 'unknown', text: m[0] });
    rest = rest.replace(m[0], ' ');
  }
  for (const { alias, code } of ALIAS_LIST) {
    const re = new RegExp(`(^|[^a-z])${escapeRe(alias).replace(/[\s-]/g, '[\\s-]')}(?![a-z0-9])`);
    const m = re.exec(rest);
    if (!m) continue;
    const text = m[0].slice(m[1]!.length);
    out.push(
      code ? { kind: 'region', code, text } : { kind: 'ambiguous', text, candidates: AMBIGUOUS[alias] ?? [] },
    );
    rest = rest.replace(text, ' ');
  }
  return out;
}

/** Resolves one value (a flag value or a whole phrase) to a region code, or null. */
export function resolveRegion(text: string): RegionMatch | null {
  const lower = text.trim().toLowerCase();
  if (lower in REGIONS) return { kind: 'region', code: lower, text };
  const found = findRegions(lower);
  return found[0] ?? (lower ? { kind: 'unknown', text } : null);
}

export function regionLabel(code: string): string {
  const r = REGIONS[code];
  return r ? `${code} (${r.name.replace(/^.*\((.*)\)$/, '$1')})` : code;
}
