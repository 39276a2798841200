// Natural-language and --flag parsing of cost questions, and what-if merging with a previous request.
import {
  clampMemory,
  defaultMemoryFor,
  defaultVcpuFor,
  formatGb,
  formatVcpu,
  MAX_FARGATE_MEMORY_GB,
  tierFor,
} from './fargate.ts';
import {
  BUSINESS_HOURS,
  explicitHoursLabel,
  HOURS_PER_MONTH,
  scheduleHours,
  scheduleLabel,
} from './hours.ts';
import { counterpart, DEFAULT_INSTANCE, isGraviton } from './instances.ts';
import { findRegions, type RegionMatch, regionLabel, resolveRegion } from './regions.ts';
import { loadPricingSnapshot, type PricingSnapshot } from './snapshot.ts';
import type {
  Arch,
  Compute,
  CostParse,
  CostRequest,
  DefaultableField,
  HoursSchedule,
  Os,
  Support,
} from './types.ts';
import { instanceProblem, validateRequest } from './validate.ts';

/** The request used when nothing is said: the smallest Fargate task, one cluster, us-east-1, 24/7. */
export function defaultRequest(): CostRequest {
  return {
    compute: 'fargate',
    tasks: 1,
    vcpu: 0.25,
    memoryGb: 0.5,
    ephemeralGb: 20,
    instanceType: DEFAULT_INSTANCE.x86,
    nodes: 1,
    region: 'us-east-1',
    clusters: 1,
    support: 'standard',
    arch: 'x86',
    os: 'linux',
    gpu: false,
    spot: false,
    hoursPerMonth: HOURS_PER_MONTH,
    hoursLabel: scheduleLabel({ hoursPerDay: 24, daysPerWeek: 7 }),
    schedule: { hoursPerDay: 24, daysPerWeek: 7 },
    extras: { alb: 0, albLcus: 1, natGateways: 0, natGb: 0, logsGb: 0, publicIps: 0 },
    defaults: [
      'compute',
      'tasks',
      'vcpu',
      'memoryGb',
      'instanceType',
      'nodes',
      'region',
      'clusters',
      'support',
      'arch',
      'os',
      'spot',
      'hours',
      'extras',
    ],
  };
}

/** What one message said; absent = not mentioned. */
interface Patch {
  compute?: Compute;
  tasks?: number;
  services?: number;
  vcpu?: number;
  memoryGb?: number;
  ephemeralGb?: number;
  instanceType?: string;
  nodes?: number;
  region?: string;
  clusters?: number;
  support?: Support;
  arch?: Arch;
  os?: Os;
  gpu?: boolean;
  spot?: boolean;
  hoursPerMonth?: number;
  hoursPerDay?: number;
  daysPerWeek?: number;
  alb?: number;
  albAdd?: number;
  albLcus?: number;
  nat?: number;
  natAdd?: number;
  natGb?: number;
  logsGb?: number;
  publicIps?: number;
  ipsAdd?: number;
  azs?: number;
  notes: string[];
  problems: string[];
}

const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
// A number: digits (optionally negative, decimal, 1e3, 10k) or a small number word. Digits glued to letters
// (m5, eu-west-1) are not numbers; a leading "x" is allowed ("x3").
const DIGITS = '(?<![a-wyz0-9_.])-?\\d+(?:\\.\\d+)?(?:e\\d+)?k?(?![\\d.])';
const NUM = `(${DIGITS}|\\b(?:${Object.keys(WORDS).join('|')})\\b)`;
/** Numbers that are clearly quantities: no "a"/"an" ("what is a cluster" is not a count). */
/** Words that are units themselves, so they cannot sit between a count and its unit (\"2 gb tasks\"). */
const COUNT_STOP =
  'v?cpus?|cores?|gb|gib|mb|mib|tb|nodes?|instances?|clusters?|hours?|hrs?|h|x|and|with|of|at|on|in|per';
const COUNT = `(${DIGITS}|\\b(?:${Object.keys(WORDS)
  .filter((w) => w.length > 2)
  .join('|')})\\b)`;

function num(s: string): number {
  const w = WORDS[s];
  if (w !== undefined) return w;
  if (s.endsWith('k')) return Number(s.slice(0, -1)) * 1000;
  return Number(s);
}

function toGb(value: number, unit: string): number {
  if (/^(mb|mib|m)$/.test(unit)) return value / 1024;
  if (/^(tb|tib)$/.test(unit)) return value * 1024;
  return value;
}

/** CPU values of 128 or more are ECS CPU units (1024 = 1 vCPU). */
function cpuValue(v: number, p: Patch): number {
  if (v >= 128) {
    p.notes.push(`${v} CPU units = ${formatVcpu(v / 1024)}`);
    return v / 1024;
  }
  return v;
}

/** Memory without a unit: 128 or more is MiB (as in task definitions), smaller is GB. */
function memoryValue(v: number, unit: string | undefined, p: Patch): number {
  if (unit) return toGb(v, unit);
  if (v >= 128) {
    p.notes.push(`${v} MiB = ${formatGb(v / 1024)}`);
    return v / 1024;
  }
  return v;
}

/** Runs a regex over the working text, hands each match to `fn` and blanks what matched. */
function take(state: { t: string }, re: RegExp, fn: (m: RegExpExecArray) => void): boolean {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let hit = false;
  state.t = state.t.replace(g, (...args) => {
    const m = args.slice(0, -2) as unknown as RegExpExecArray;
    fn(m);
    hit = true;
    return ' ';
  });
  return hit;
}

// ---- flags ---------------------------------------------------------------------------------------------

const BOOL_FLAGS = new Set([
  'spot',
  'on-demand',
  'arm',
  'graviton',
  'x86',
  'windows',
  'linux',
  'gpu',
  'extended',
  'standard',
  'business-hours',
  'fargate',
  'ec2',
  'auto-mode',
  'json',
  'csv',
]);
const VALUE_FLAGS = new Set([
  'tasks',
  'pods',
  'replicas',
  'count',
  'services',
  'cpu',
  'vcpu',
  'memory',
  'mem',
  'ephemeral',
  'storage',
  'region',
  'instance',
  'instance-type',
  'type',
  'nodes',
  'clusters',
  'support',
  'arch',
  'os',
  'compute',
  'launch-type',
  'hours',
  'hours-per-day',
  'days-per-week',
  'alb',
  'albs',
  'lcus',
  'nat',
  'nat-gateways',
  'nat-gb',
  'logs-gb',
  'public-ips',
  'ipv4',
  'format',
]);

function parseFlagNumber(name: string, value: string, p: Patch): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?(?:e\d+)?k?)([a-z]*)$/.exec(value);
  if (!m) {
    p.problems.push(`--${name} needs a number (got "${value}")`);
    return undefined;
  }
  return num(m[1]!);
}

function applyFlag(name: string, value: string | undefined, p: Patch): void {
  const v = value?.toLowerCase();
  const bool = v === undefined || /^(true|yes|on|1)$/.test(v);
  const n = () => (v === undefined ? undefined : parseFlagNumber(name, v, p));
  switch (name) {
    case 'tasks':
    case 'pods':
    case 'replicas':
    case 'count':
      p.tasks = n();
      return;
    case 'services':
      p.services = n();
      return;
    case 'cpu':
    case 'vcpu': {
      const x = n();
      if (x !== undefined) p.vcpu = cpuValue(x, p);
      return;
    }
    case 'memory':
    case 'mem': {
      const m = /^(-?\d+(?:\.\d+)?)\s*(gb|gib|g|mb|mib|m|tb)?$/.exec(v ?? '');
      if (!m) p.problems.push(`--${name} needs an amount like 2 (GB) or 2048 (MiB), got "${value}"`);
      else p.memoryGb = memoryValue(Number(m[1]), m[2], p);
      return;
    }
    case 'ephemeral':
    case 'storage':
      p.ephemeralGb = n();
      return;
    case 'region': {
      const r = resolveRegion(v ?? '');
      if (r) applyRegion([r], p);
      return;
    }
    case 'instance':
    case 'instance-type':
    case 'type':
      p.instanceType = v;
      return;
    case 'nodes':
      p.nodes = n();
      return;
    case 'clusters':
      p.clusters = n();
      return;
    case 'support':
      if (v === 'standard' || v === 'extended') p.support = v;
      else p.problems.push(`--support must be "standard" or "extended" (got "${value}")`);
      return;
    case 'extended':
      p.support = bool ? 'extended' : 'standard';
      return;
    case 'standard':
      p.support = bool ? 'standard' : 'extended';
      return;
    case 'arch':
      if (v === 'arm' || v === 'arm64' || v === 'graviton') p.arch = 'arm';
      else if (v === 'x86' || v === 'x86_64' || v === 'amd64') p.arch = 'x86';
      else p.problems.push(`--arch must be x86 or arm (got "${value}")`);
      return;
    case 'arm':
    case 'graviton':
      p.arch = bool ? 'arm' : 'x86';
      return;
    case 'x86':
      p.arch = bool ? 'x86' : 'arm';
      return;
    case 'os':
      if (v === 'linux' || v === 'windows') p.os = v;
      else p.problems.push(`--os must be linux or windows (got "${value}")`);
      return;
    case 'windows':
      p.os = bool ? 'windows' : 'linux';
      return;
    case 'linux':
      p.os = bool ? 'linux' : 'windows';
      return;
    case 'gpu':
      p.gpu = bool;
      return;
    case 'spot':
      p.spot = bool;
      return;
    case 'on-demand':
      p.spot = !bool;
      return;
    case 'compute':
    case 'launch-type':
      if (v === 'fargate' || v === 'ec2') p.compute = v;
      else if (v === 'auto-mode' || v === 'auto' || v === 'automode') p.compute = 'auto-mode';
      else p.problems.push(`--${name} must be fargate, ec2 or auto-mode (got "${value}")`);
      return;
    case 'fargate':
    case 'ec2':
    case 'auto-mode':
      if (bool) p.compute = name;
      return;
    case 'hours':
      p.hoursPerMonth = n();
      return;
    case 'hours-per-day':
      p.hoursPerDay = n();
      return;
    case 'days-per-week':
      p.daysPerWeek = n();
      return;
    case 'business-hours':
      if (bool)
        Object.assign(p, {
          hoursPerDay: BUSINESS_HOURS.hoursPerDay,
          daysPerWeek: BUSINESS_HOURS.daysPerWeek,
        });
      return;
    case 'alb':
    case 'albs':
      p.alb = n();
      return;
    case 'lcus':
      p.albLcus = n();
      return;
    case 'nat':
    case 'nat-gateways':
      p.nat = n();
      return;
    case 'nat-gb':
      p.natGb = n();
      return;
    case 'logs-gb':
      p.logsGb = n();
      return;
    case 'public-ips':
    case 'ipv4':
      p.publicIps = n();
      return;
    default:
      return; // json, csv, format: output options for the caller, not cost parameters
  }
}

/** Pulls --flags out of the text; returns what is left for the natural-language pass. */
function extractFlags(text: string, p: Patch): string {
  const tokens = text.split(/\s+/).filter(Boolean);
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(tok);
    if (!m) {
      rest.push(tok);
      continue;
    }
    const name = m[1]!.toLowerCase();
    let value = m[2];
    if (BOOL_FLAGS.has(name)) {
      if (value === undefined && /^(true|false|yes|no|on|off)$/i.test(tokens[i + 1] ?? ''))
        value = tokens[++i];
      if (value !== undefined && /^(false|no|off|0)$/i.test(value)) applyFlag(name, 'false', p);
      else applyFlag(name, undefined, p);
    } else if (VALUE_FLAGS.has(name)) {
      if (value === undefined) {
        const next = tokens[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          value = next;
          i++;
        }
      }
      if (value === undefined || value === '')
        p.problems.push(`--${name} needs a value, e.g. --${name} ${exampleFor(name)}`);
      else applyFlag(name, value, p);
    } else {
      p.problems.push(
        `unknown option --${name}; known options: ${[...VALUE_FLAGS, ...BOOL_FLAGS].map((f) => `--${f}`).join(', ')}`,
      );
    }
  }
  return rest.join(' ');
}

function exampleFor(name: string): string {
  if (name === 'region') return 'eu-west-1';
  if (/instance|type/.test(name)) return 'm5.large';
  if (name === 'support') return 'extended';
  if (name === 'arch') return 'arm';
  if (name === 'os') return 'linux';
  if (/compute|launch/.test(name)) return 'fargate';
  return '10';
}

// ---- natural language -------------------------------------------------------------------------------

function applyRegion(found: RegionMatch[], p: Patch): void {
  const codes = new Set<string>();
  for (const r of found) {
    if (r.kind === 'region') codes.add(r.code);
    else if (r.kind === 'ambiguous') {
      p.problems.push(`"${r.text}" could be ${r.candidates.map(regionLabel).join(' or ')}: say which`);
    } else p.problems.push(`unknown region "${r.text}"`);
  }
  if (codes.size > 1) {
    p.problems.push(`several regions named (${[...codes].join(', ')}): price one region at a time`);
  } else if (codes.size === 1) p.region = [...codes][0];
}

const INSTANCE_RE = /\b([a-z]{1,4}\d[a-z0-9-]*\.(?:[0-9]*[a-z][a-z0-9-]*))\b/g;
const NAT = '(?:nat(?:[- ]?gateways?|[- ]?gws?)?|nats)\\b';
const ALB = '(?:albs?|application load balancers?|load balancers?)\\b';
const IPS =
  '(?:public ipv4 addresses|public ipv4s?|public ip addresses|public ips?|ipv4 addresses|elastic ips?|eips?)\\b';

/** Counts for ALB / NAT / IPs: "no nat", "add a nat gateway", "2 nat gateways", or a bare mention (= at least 1). */
function extraCount(state: { t: string }, noun: string): { set?: number; add?: number; mention?: boolean } {
  const out: { set?: number; add?: number; mention?: boolean } = {};
  take(
    state,
    new RegExp(`\\b(?:no|without|remove|drop|minus|zero)\\s+(?:the\\s+|any\\s+|all\\s+)?${noun}`),
    () => {
      out.set = 0;
    },
  );
  take(
    state,
    new RegExp(`\\b(?:add|plus|another|extra)\\s+(?:${NUM}\\s+)?(?:more\\s+|extra\\s+)?${noun}`),
    (m) => {
      out.add = (out.add ?? 0) + (m[1] ? num(m[1]) : 1);
    },
  );
  take(state, new RegExp(`${NUM}\\s*(?:x\\s*)?(?:more\\s+)?${noun}`), (m) => {
    out.set = num(m[1]!);
  });
  if (new RegExp(`\\b${noun}`).test(state.t)) {
    out.mention = true;
    take(state, new RegExp(`\\b${noun}`), () => {});
  }
  return out;
}

function parseText(text: string, p: Patch, s: PricingSnapshot): void {
  const state = {
    t: ` ${text
      .toLowerCase()
      .replace(/[×*]/g, ' x ')
      .replace(/[–—]/g, '-')
      .replace(/(\d),(?=\d{3}\b)/g, '$1')} `,
  };

  // Instance types first, so their digits are not read as counts.
  const types = new Set<string>();
  let nodesFromType: number | undefined;
  take(
    state,
    new RegExp(`${NUM}?\\s*(?:x\\s*)?${INSTANCE_RE.source}(?:\\s*(?:x|nodes? of)\\s*${NUM})?`),
    (m) => {
      types.add(m[2]!);
      const c = m[1] ?? m[3];
      if (c) nodesFromType = num(c);
    },
  );
  if (types.size > 1)
    p.problems.push(`several instance types named (${[...types].join(', ')}): price one type at a time`);
  else if (types.size === 1) {
    p.instanceType = [...types][0];
    if (nodesFromType !== undefined) p.nodes = nodesFromType;
  }

  // Regions next (their digits too).
  const regions = findRegions(state.t);
  for (const r of regions) state.t = state.t.replace(r.text, ' ');
  applyRegion(regions, p);

  // Extra GB amounts that are not memory.
  const GBU = '(gb|gib|tb|tib)\\b(?:\\s*(?:/|per|a)\\s*(?:month|mo)\\b|\\s*monthly)?';
  take(
    state,
    new RegExp(
      `${NUM}\\s*${GBU}\\s*(?:of\\s+)?(?:data\\s+|traffic\\s+)?(?:through|via|over|across|processed by|on|of|for)?\\s*(?:the\\s+)?(?:${NAT})`,
    ),
    (m) => {
      p.natGb = toGb(num(m[1]!), m[2]!);
    },
  );
  take(state, new RegExp(`\\b${NAT}\\s*(?:data|traffic|processing)?\\s*(?:of\\s+)?${NUM}\\s*${GBU}`), (m) => {
    p.natGb = toGb(num(m[1]!), m[2]!);
  });
  take(
    state,
    new RegExp(`${NUM}\\s*${GBU}\\s*(?:of\\s+)?(?:cloudwatch\\s+)?(?:logs?|logging|log ingestion)\\b`),
    (m) => {
      p.logsGb = toGb(num(m[1]!), m[2]!);
    },
  );
  take(
    state,
    new RegExp(`\\b(?:logs?|logging)\\s*(?:ingestion|ingest)?\\s*(?:of\\s+)?${NUM}\\s*${GBU}`),
    (m) => {
      p.logsGb = toGb(num(m[1]!), m[2]!);
    },
  );
  take(
    state,
    new RegExp(`${NUM}\\s*(gb|gib)\\s*(?:of\\s+)?(?:ephemeral|storage|disk)\\b(?:\\s*storage)?`),
    (m) => {
      p.ephemeralGb = num(m[1]!);
    },
  );
  take(
    state,
    new RegExp(`\\b(?:ephemeral|storage|disk)\\s*(?:storage)?\\s*(?:of\\s+)?${NUM}\\s*(gb|gib)\\b`),
    (m) => {
      p.ephemeralGb = num(m[1]!);
    },
  );

  // Services x replicas, then plain counts.
  take(
    state,
    new RegExp(
      `${NUM}\\s*(?:micro)?services?\\s*(?:x|with|of|,|each with)?\\s*${NUM}\\s*(?:replicas?|tasks?|pods?|copies|instances)\\b(?:\\s*each)?`,
    ),
    (m) => {
      p.services = num(m[1]!);
      p.tasks = num(m[2]!);
    },
  );
  take(
    state,
    new RegExp(
      `${NUM}\\s*(?:x\\s*)?(?:more\\s+)?(?:ecs\\s+|fargate\\s+|k8s\\s+|kubernetes\\s+)?(?:tasks?|pods?|replicas?|copies)\\b`,
    ),
    (m) => {
      p.tasks = num(m[1]!);
    },
  );
  // "10 arm64 tasks", "3 web tasks", "2 windows fargate pods", "4 containers": up to two describing words
  // between the count and the unit. Only the number is consumed, so "arm64" or "windows" still count.
  take(
    state,
    new RegExp(
      `${NUM}(?=\\s+(?:(?!(?:${COUNT_STOP})\\b)[a-z][a-z0-9-]*\\s+){0,2}(?:tasks?|pods?|replicas?|copies|containers?)\\b)`,
    ),
    (m) => {
      p.tasks = num(m[1]!);
    },
  );
  take(state, new RegExp(`${NUM}\\s*(?:micro)?services?\\b`), (m) => {
    p.services = num(m[1]!);
  });
  take(
    state,
    new RegExp(`${NUM}\\s*(?:x\\s*)?(?:eks\\s+|ecs\\s+|k8s\\s+|kubernetes\\s+)?clusters?\\b`),
    (m) => {
      p.clusters = num(m[1]!);
    },
  );
  take(
    state,
    new RegExp(
      `${NUM}[\\s-]*(?:x\\s*)?(?:ec2\\s+|worker\\s+)?(?:nodes?|instances?|machines?|servers?|hosts?|vms?)\\b`,
    ),
    (m) => {
      p.nodes = num(m[1]!);
    },
  );
  take(state, new RegExp(`${NUM}\\s*(?:azs?|availability zones?)\\b`), (m) => {
    p.azs = num(m[1]!);
  });

  // Hours before memory ("8h/day" is not 8 of anything else).
  take(state, /\b(?:business|office|working|work)[\s-]hours\b/, () => {
    p.hoursPerDay = BUSINESS_HOURS.hoursPerDay;
    p.daysPerWeek = BUSINESS_HOURS.daysPerWeek;
  });
  take(
    state,
    /\b24\s*[x/]\s*7\b|\balways[- ]on\b|\ball the time\b|\baround the clock\b|\bround the clock\b/,
    () => {
      p.hoursPerDay = 24;
      p.daysPerWeek = 7;
    },
  );
  take(state, new RegExp(`${NUM}\\s*(?:h|hrs?|hours?)\\s*(?:a|per|/|each)\\s*(?:month|mo)\\b`), (m) => {
    p.hoursPerMonth = num(m[1]!);
  });
  take(state, new RegExp(`${NUM}\\s*(?:h|hrs?|hours?)\\s*(?:a|per|/|each)\\s*(?:day|d)\\b`), (m) => {
    p.hoursPerDay = num(m[1]!);
  });
  take(state, new RegExp(`${NUM}\\s*days?\\s*(?:a|per|/|each)\\s*(?:week|wk)\\b`), (m) => {
    p.daysPerWeek = num(m[1]!);
  });
  take(
    state,
    /\b(?:on\s+)?weekdays?(?:\s+only)?\b|\bmon(?:day)?\s*(?:-|to|through|thru)\s*fri(?:day)?\b|\bworkdays?\b/,
    () => {
      p.daysPerWeek = 5;
    },
  );

  // vCPU and CPU units.
  take(state, new RegExp(`${NUM}\\s*(?:cpu[\\s-]?units?|cpu[\\s-]?shares|units of cpu)\\b`), (m) => {
    const v = num(m[1]!);
    p.vcpu = v / 1024;
    p.notes.push(`${v} CPU units = ${formatVcpu(v / 1024)}`);
  });
  const cpuForward = take(state, new RegExp(`${NUM}\\s*(?:v?cpus?|vcores?|cores?)\\b`), (m) => {
    p.vcpu = cpuValue(num(m[1]!), p);
  });
  if (!cpuForward) {
    take(state, new RegExp(`\\b(?:v?cpus?)\\s*[:=]?\\s*${NUM}`), (m) => {
      p.vcpu = cpuValue(num(m[1]!), p);
    });
  }

  // Memory.
  const memForward = take(
    state,
    new RegExp(`${NUM}\\s*(gb|gib|mb|mib|tb)\\b(?:\\s*(?:of\\s+)?(?:ram|memory|mem))?|${NUM}(g|m)\\b`),
    (m) => {
      const value = num((m[1] ?? m[3])!);
      p.memoryGb = toGb(value, (m[2] ?? m[4])!);
    },
  );
  if (!memForward) {
    take(state, new RegExp(`${NUM}\\s*(?:of\\s+)?(?:memory|mem|ram)\\b`), (m) => {
      p.memoryGb = memoryValue(num(m[1]!), undefined, p);
    });
    take(state, new RegExp(`\\b(?:memory|mem|ram)\\s*[:=]?\\s*${NUM}\\s*(gb|gib|mb|mib)?\\b`), (m) => {
      p.memoryGb = memoryValue(num(m[1]!), m[2], p);
    });
  }

  // Shared extras.
  take(state, new RegExp(`${NUM}\\s*lcus?\\b`), (m) => {
    p.albLcus = num(m[1]!);
  });
  const alb = extraCount(state, ALB);
  if (alb.set !== undefined) p.alb = alb.set;
  if (alb.add !== undefined) p.albAdd = alb.add;
  if (alb.mention && alb.set === undefined && alb.add === undefined) p.alb = -1; // "at least one"
  const nat = extraCount(state, NAT);
  if (nat.set !== undefined) p.nat = nat.set;
  if (nat.add !== undefined) p.natAdd = nat.add;
  if (nat.mention && nat.set === undefined && nat.add === undefined) p.nat = -1;
  const ips = extraCount(state, IPS);
  if (ips.set !== undefined) p.publicIps = ips.set;
  if (ips.add !== undefined) p.ipsAdd = ips.add;
  if (ips.mention && ips.set === undefined && ips.add === undefined) p.publicIps = -1;

  // Words.
  const t = state.t;
  if (/\bauto[\s-]?mode\b/.test(t)) p.compute = 'auto-mode';
  else if (/\bfargate\b/.test(t)) p.compute = 'fargate';
  else if (/\b(ec2|nodes?|node groups?|managed nodes?|self[\s-]managed)\b/.test(t) || p.nodes !== undefined) {
    p.compute = 'ec2';
  }
  if (/\bspot\b/.test(t) && !/\b(no|without)\s+(fargate\s+)?spot\b/.test(t)) p.spot = true;
  if (/\bon[\s-]demand\b|\b(no|without)\s+(fargate\s+)?spot\b/.test(t)) p.spot = false;
  if (/\b(graviton\d?|arm64|arm|aarch64)\b/.test(t)) p.arch = 'arm';
  else if (/\b(x86(?:[_-]64)?|amd64|intel)\b/.test(t)) p.arch = 'x86';
  if (/\bwindows\b/.test(t)) p.os = 'windows';
  else if (/\blinux\b/.test(t)) p.os = 'linux';
  if (/\bgpus?\b/.test(t)) p.gpu = !/\b(no|without)\s+gpus?\b/.test(t);
  if (/\bextended([\s-]version)?[\s-]support\b|\bon extended\b|\bextended\s+tier\b/.test(t))
    p.support = 'extended';
  else if (/\bstandard([\s-]version)?[\s-]support\b|\bon standard\b|\boff extended\b/.test(t))
    p.support = 'standard';
  // A region-shaped word that named no region ("in narnia-west-9") was caught by findRegions; a bare "region X"
  // with an unknown X is worth flagging too.
  const regionWord = /\bregion\s*[:=]?\s*([a-z][a-z0-9-]{2,})/.exec(t);
  if (
    regionWord &&
    p.region === undefined &&
    !/^(is|are|does|do|matter|matters|pricing|prices)$/.test(regionWord[1]!)
  ) {
    p.problems.push(`unknown region "${regionWord[1]}"`);
  }
  void s;
}

// ---- merging ----------------------------------------------------------------------------------------

function setField<K extends keyof CostRequest>(
  r: CostRequest,
  key: K,
  value: CostRequest[K],
  field?: DefaultableField,
) {
  r[key] = value;
  if (field) r.defaults = r.defaults.filter((d) => d !== field);
}

function describe(name: string, from: string, to: string, isWhatIf: boolean): string {
  if (!isWhatIf) return `${name}: ${to}`;
  return from === to ? `${name}: ${to} (unchanged)` : `${name}: ${from} → ${to}`;
}

function computeName(c: Compute): string {
  return c === 'fargate' ? 'Fargate' : c === 'ec2' ? 'EC2 nodes' : 'EKS Auto Mode';
}

function hoursOf(r: CostRequest): string {
  return r.hoursLabel;
}

export interface ParseOptions {
  /** Region for a new request that names none (default us-east-1); must be in the snapshot. */
  defaultRegion?: string;
  snapshot?: PricingSnapshot;
}

/** "double it" = 2, "triple" = 3, "halve it" = 0.5; undefined when the text scales nothing. */
function scaleFactor(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\b(double|twice|2x)\b/.test(t)) return 2;
  if (/\b(triple|3x)\b/.test(t)) return 3;
  if (/\b(halve|half)\b/.test(t)) return 0.5;
  return undefined;
}

/** Parse free text or flags; with `previous`, unspecified fields keep previous values (what-if). */
export function parseCostRequest(
  text: string,
  previous?: CostRequest,
  options: ParseOptions = {},
): CostParse {
  const s = options.snapshot ?? loadPricingSnapshot();
  const p: Patch = { notes: [], problems: [] };
  const rest = extractFlags(text ?? '', p);
  parseText(rest, p, s);

  const base = previous ?? defaultRequest();
  if (!previous && options.defaultRegion) base.region = options.defaultRegion;
  const r: CostRequest = { ...base, extras: { ...base.extras }, defaults: [...base.defaults] };
  if (base.schedule) r.schedule = { ...base.schedule };
  const whatIf = previous !== undefined;
  const changed: string[] = [];
  // A field still at its default before this message is reported as newly set, not as "unchanged".
  const note = (name: string, from: string, to: string, field?: DefaultableField) =>
    changed.push(describe(name, from, to, whatIf && !(field && base.defaults.includes(field))));

  // "double it" / "halve the memory": scale what the text names (the count by default) unless a value was given.
  const factor = whatIf ? scaleFactor(rest) : undefined;
  const noNewCount = p.tasks === undefined && p.services === undefined && p.nodes === undefined;
  if (factor !== undefined) {
    if (/\b(memory|mem|ram|gb|gib)\b/i.test(rest)) {
      p.memoryGb ??= base.memoryGb * factor;
    } else if (/\b(v?cpus?|cores?)\b/i.test(rest)) {
      p.vcpu ??= base.vcpu * factor;
    } else if (noNewCount) {
      if (base.compute === 'fargate') p.tasks = Math.max(1, Math.round(base.tasks * factor));
      else p.nodes = Math.max(1, Math.round(base.nodes * factor));
    }
  }
  // "make it 24": a bare number re-sets the main count of the previous estimate.
  const bare =
    whatIf && noNewCount && factor === undefined
      ? /^\s*(?:make (?:it|that)|now|try|with|what about|how about)\s+(\d+)\s*\??\s*$/i.exec(rest)
      : null;
  if (bare) {
    if (base.compute === 'fargate') p.tasks = Number(bare[1]);
    else p.nodes = Number(bare[1]);
  }

  // Counts: services x replicas (replicas default to 1 per service).
  if (p.services !== undefined || p.tasks !== undefined) {
    const tasks = p.services !== undefined ? p.services * (p.tasks ?? 1) : p.tasks!;
    if (p.services !== undefined && p.tasks === undefined) p.notes.push('1 task per service assumed');
    note('tasks/pods', String(base.tasks), String(tasks));
    setField(r, 'tasks', tasks, 'tasks');
  }
  if (p.region !== undefined) {
    note('region', regionLabel(base.region), regionLabel(p.region));
    setField(r, 'region', p.region, 'region');
  }
  if (p.clusters !== undefined) {
    note('clusters', String(base.clusters), String(p.clusters));
    setField(r, 'clusters', p.clusters, 'clusters');
  }
  if (p.support !== undefined) {
    note('EKS support', base.support, p.support);
    setField(r, 'support', p.support, 'support');
  }
  if (p.os !== undefined) {
    note('OS', base.os, p.os);
    setField(r, 'os', p.os, 'os');
  }
  if (p.gpu !== undefined) {
    note('GPU', base.gpu ? 'yes' : 'no', p.gpu ? 'yes' : 'no');
    r.gpu = p.gpu;
  }
  if (p.spot !== undefined) {
    note('pricing', base.spot ? 'Fargate Spot' : 'on-demand', p.spot ? 'Fargate Spot' : 'on-demand');
    setField(r, 'spot', p.spot, 'spot');
  }
  if (p.nodes !== undefined) {
    note('nodes', String(base.nodes), String(p.nodes));
    setField(r, 'nodes', p.nodes, 'nodes');
  }
  if (p.ephemeralGb !== undefined) {
    note('ephemeral storage', formatGb(base.ephemeralGb), formatGb(p.ephemeralGb));
    r.ephemeralGb = p.ephemeralGb;
  }

  // Compute, instance type and architecture hang together.
  if (p.instanceType !== undefined) {
    const problem = instanceProblem(s, p.instanceType);
    if (problem) p.problems.push(problem);
    if (p.compute === undefined && r.compute === 'fargate') p.compute = 'ec2';
    if (p.arch !== undefined && (p.arch === 'arm') !== isGraviton(p.instanceType) && !problem) {
      p.problems.push(
        `${p.instanceType} is ${isGraviton(p.instanceType) ? 'an Arm (Graviton)' : 'an x86'} type but ${p.arch === 'arm' ? 'Arm/Graviton' : 'x86'} was asked for; Graviton types look like m7g.large`,
      );
    }
  }
  if (p.compute !== undefined) {
    note('compute', computeName(base.compute), computeName(p.compute), 'compute');
    setField(r, 'compute', p.compute, 'compute');
  }
  if (p.instanceType !== undefined) {
    note('instance type', base.instanceType, p.instanceType, 'instanceType');
    setField(r, 'instanceType', p.instanceType, 'instanceType');
    const arch: Arch = isGraviton(p.instanceType) ? 'arm' : 'x86';
    if (arch !== r.arch && p.arch === undefined) note('architecture', r.arch, arch);
    setField(r, 'arch', arch, p.arch !== undefined ? 'arch' : undefined);
  } else if (p.arch !== undefined) {
    note('architecture', base.arch, p.arch);
    setField(r, 'arch', p.arch, 'arch');
    const typeArch: Arch = isGraviton(r.instanceType) ? 'arm' : 'x86';
    if (typeArch !== p.arch) {
      if (r.defaults.includes('instanceType')) r.instanceType = DEFAULT_INSTANCE[p.arch];
      else {
        const other = counterpart(s, r.region, r.instanceType, p.arch);
        if (other) {
          changed.push(
            `instance type: ${r.instanceType} → ${other} (the ${p.arch === 'arm' ? 'Graviton' : 'x86'} counterpart)`,
          );
          r.instanceType = other;
        } else if (r.compute !== 'fargate') {
          p.problems.push(
            `no ${p.arch === 'arm' ? 'Graviton' : 'x86'} counterpart of ${r.instanceType} is priced; name one, e.g. "${DEFAULT_INSTANCE[p.arch]}"`,
          );
        }
      }
    }
  }
  if (r.defaults.includes('instanceType')) r.instanceType = DEFAULT_INSTANCE[r.arch];

  // vCPU / memory: a pair given together must be valid; a single value carried over is adjusted to fit.
  const gaveCpu = p.vcpu !== undefined;
  const gaveMem = p.memoryGb !== undefined;
  let vcpu = p.vcpu ?? base.vcpu;
  let mem = p.memoryGb ?? base.memoryGb;
  if (gaveCpu && !gaveMem && tierFor(vcpu) && !tierFor(vcpu)!.memory.includes(mem)) {
    const fitted = r.defaults.includes('memoryGb') ? defaultMemoryFor(vcpu) : clampMemory(vcpu, mem);
    if (fitted !== undefined) {
      if (!r.defaults.includes('memoryGb')) {
        changed.push(
          `memory: ${formatGb(mem)} → ${formatGb(fitted)} (nearest valid for ${formatVcpu(vcpu)})`,
        );
      }
      mem = fitted;
    }
  }
  if (gaveMem && !gaveCpu && mem > 0 && mem <= MAX_FARGATE_MEMORY_GB) {
    const t = tierFor(vcpu);
    if (!t?.memory.includes(mem)) {
      const fitted = defaultVcpuFor(mem);
      if (fitted !== undefined) {
        if (!r.defaults.includes('vcpu')) {
          changed.push(
            `vCPU: ${formatVcpu(vcpu)} → ${formatVcpu(fitted)} (smallest that allows ${formatGb(mem)})`,
          );
        }
        vcpu = fitted;
      }
    }
  }
  if (gaveCpu) {
    note('vCPU', formatVcpu(base.vcpu), formatVcpu(vcpu));
    setField(r, 'vcpu', vcpu, 'vcpu');
  } else r.vcpu = vcpu;
  if (gaveMem) {
    note('memory', formatGb(base.memoryGb), formatGb(mem));
    setField(r, 'memoryGb', mem, 'memoryGb');
  } else r.memoryGb = mem;

  // Hours.
  if (p.hoursPerMonth !== undefined) {
    r.schedule = null;
    r.hoursPerMonth = p.hoursPerMonth;
    r.hoursLabel = explicitHoursLabel(p.hoursPerMonth);
  } else if (p.hoursPerDay !== undefined || p.daysPerWeek !== undefined) {
    const sch: HoursSchedule = {
      hoursPerDay: p.hoursPerDay ?? base.schedule?.hoursPerDay ?? 24,
      daysPerWeek: p.daysPerWeek ?? base.schedule?.daysPerWeek ?? 7,
    };
    r.schedule = sch;
    r.hoursPerMonth = scheduleHours(sch);
    r.hoursLabel = scheduleLabel(sch);
  }
  if (p.hoursPerMonth !== undefined || p.hoursPerDay !== undefined || p.daysPerWeek !== undefined) {
    note('hours', hoursOf(base), r.hoursLabel);
    r.defaults = r.defaults.filter((d) => d !== 'hours');
  }

  // Extras.
  const e = r.extras;
  const extrasBefore = JSON.stringify(e);
  if (p.alb !== undefined) e.alb = p.alb === -1 ? Math.max(e.alb, 1) : p.alb;
  if (p.albAdd !== undefined) e.alb += p.albAdd;
  if (p.albLcus !== undefined) e.albLcus = p.albLcus;
  if (p.nat !== undefined) e.natGateways = p.nat === -1 ? Math.max(e.natGateways, p.azs ?? 1) : p.nat;
  if (p.natAdd !== undefined) e.natGateways += p.natAdd;
  if (p.natGb !== undefined) {
    e.natGb = p.natGb;
    if (e.natGateways === 0 && p.nat === undefined && p.natAdd === undefined) e.natGateways = p.azs ?? 1;
  }
  if (p.logsGb !== undefined) e.logsGb = p.logsGb;
  if (p.publicIps !== undefined) e.publicIps = p.publicIps === -1 ? Math.max(e.publicIps, 1) : p.publicIps;
  if (p.ipsAdd !== undefined) e.publicIps += p.ipsAdd;
  const b = base.extras;
  if (e.alb !== b.alb) note('ALBs', String(b.alb), String(e.alb));
  if (e.albLcus !== b.albLcus) note('LCUs per ALB', String(b.albLcus), String(e.albLcus));
  if (e.natGateways !== b.natGateways) note('NAT gateways', String(b.natGateways), String(e.natGateways));
  if (e.natGb !== b.natGb) note('NAT data', `${b.natGb} GB/month`, `${e.natGb} GB/month`);
  if (e.logsGb !== b.logsGb) note('log ingestion', `${b.logsGb} GB/month`, `${e.logsGb} GB/month`);
  if (e.publicIps !== b.publicIps) note('public IPv4 addresses', String(b.publicIps), String(e.publicIps));
  if (JSON.stringify(e) !== extrasBefore) r.defaults = r.defaults.filter((d) => d !== 'extras');

  for (const n of p.notes) changed.push(n);

  const problems = [...p.problems];
  if (problems.length === 0) {
    for (const v of validateRequest(r, s)) problems.push(v);
  }
  if (problems.length === 0 && whatIf && changed.length === 0) {
    problems.push(
      'I found nothing to change in that; try e.g. "make it 20 tasks", "what about eu-west-1?", "on EC2 with m6i.large instead", "with 3 clusters", "graviton?", "business hours?", "add a NAT gateway" or "on extended support"',
    );
  }
  if (problems.length) return { ok: false, problems: dedupe(problems).map(friendly) };
  return { ok: true, request: r, changed };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Sentence case, but never for a leading code such as "eu-west-2" or "vCPU". */
function friendly(problem: string): string {
  return /^[a-z]+(\s|$)/.test(problem) ? problem.charAt(0).toUpperCase() + problem.slice(1) : problem;
}

// ---- routing ----------------------------------------------------------------------------------------

const STRONG_SIGNALS: RegExp[] = [
  new RegExp(
    `${COUNT}[\\s-]*(?:x\\s*)?(?:[a-z]+\\s+)?(?:tasks?|pods?|replicas?|services?|nodes?|instances?|containers?|clusters?)\\b`,
  ),
  new RegExp(`${COUNT}\\s*(?:v?cpus?|vcores?|cores?|cpu[\\s-]?units?)\\b`),
  new RegExp(`${COUNT}\\s*(?:gb|gib|mb|mib|tb)\\b`),
  // Non-global copy: a /g regex keeps lastIndex between .test() calls and would answer differently each time.
  new RegExp(INSTANCE_RE.source),
  /\b(?:business|office|working)[\s-]hours\b|\bhours?\s*(?:a|per|\/)\s*(?:day|month)\b|\b\d+\s*h\s*\/\s*(?:day|d)\b|\bweekdays?\b|\b24\s*[x/]\s*7\b/,
  /\bextended[\s-]support\b/,
];
const WEAK_SIGNALS: RegExp[] = [
  /\b(double|triple|halve|twice)\b/,
  /\b(graviton\d?|arm64|arm|aarch64)\b/,
  /\bspot\b/,
  /\b(albs?|load balancers?|nat(?:[\s-]?gateways?)?|public ips?|ipv4)\b/,
  /\bclusters?\b/,
  /\bauto[\s-]?mode\b/,
  /\bstandard[\s-]support\b|\bon extended\b/,
];

/**
 * True when the text carries a cost parameter. Conceptual questions ("what is fargate", "is eks more
 * expensive", "does eks support graviton") stay false unless they also carry a number-with-unit parameter.
 */
export function hasCostSignals(text: string): boolean {
  const t = ` ${(text ?? '').toLowerCase().replace(/[×*]/g, ' x ')} `;
  if (/(^|\s)--[a-z]/.test(t)) return true;
  if (STRONG_SIGNALS.some((re) => re.test(t))) return true;
  const weak = WEAK_SIGNALS.some((re) => re.test(t)) || findRegions(t).some((r) => r.kind !== 'unknown');
  if (!weak) return false;
  const conceptual =
    /^\s*(what|how|why|explain|does|do|is|are|can|should|when|which|who|tell me)\b/.test(t) &&
    !/^\s*(what|how)\s+about\b|^\s*how\s+much\b|^\s*what\s+if\b|^\s*what\s+would\b/.test(t);
  return !conceptual;
}
