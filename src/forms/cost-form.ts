/**
 * The cost-estimate form, platform-neutral: the fields both the Slack modal and the Teams card show, and the
 * server-side validation of what comes back (always strings, possibly missing, possibly hostile).
 */
import { type CostRequest, loadPricingSnapshot, parseCostRequest, REGIONS } from '../cost/index.ts';

export type CostFormField =
  | 'compute'
  | 'tasks'
  | 'vcpu'
  | 'memoryGb'
  | 'instanceType'
  | 'nodes'
  | 'region'
  | 'clusters'
  | 'support'
  | 'hours';

export interface CostFormOption {
  value: string;
  label: string;
}

export interface CostFormFieldSpec {
  id: CostFormField;
  label: string;
  kind: 'choice' | 'number' | 'text';
  hint: string;
  placeholder?: string;
  initial?: string;
  options?: CostFormOption[];
  min?: number;
  max?: number;
}

const HOURS_OPTIONS: CostFormOption[] = [
  { value: '24x7', label: '24/7 (730 h/month)' },
  { value: 'business', label: 'Business hours (10 h x 5 days)' },
  { value: '12h', label: '12 hours a day' },
  { value: 'weekdays', label: 'Weekdays only (24 h x 5 days)' },
];

/** The form, in display order. Labels and hints stay short: Slack caps labels at 2000 and hints at 2000. */
export const COST_FORM_FIELDS: CostFormFieldSpec[] = [
  {
    id: 'compute',
    label: 'Compute',
    kind: 'choice',
    hint: 'Fargate prices tasks/pods by vCPU and memory; EC2 and Auto Mode price nodes by instance type.',
    initial: 'fargate',
    options: [
      { value: 'fargate', label: 'Fargate' },
      { value: 'ec2', label: 'EC2 nodes' },
      { value: 'auto-mode', label: 'EC2 with EKS Auto Mode' },
    ],
  },
  {
    id: 'tasks',
    label: 'Tasks or pods',
    kind: 'number',
    hint: 'Running copies (Fargate).',
    initial: '2',
    min: 1,
    max: 100000,
  },
  {
    id: 'vcpu',
    label: 'vCPU per task/pod',
    kind: 'number',
    hint: '0.25, 0.5, 1, 2, 4, 8 or 16.',
    initial: '0.5',
    min: 0.25,
    max: 16,
  },
  {
    id: 'memoryGb',
    label: 'Memory per task/pod (GB)',
    kind: 'number',
    hint: 'Must fit the vCPU, e.g. 1-4 GB for 0.5 vCPU.',
    initial: '1',
    min: 0.5,
    max: 120,
  },
  {
    id: 'instanceType',
    label: 'Instance type',
    kind: 'text',
    hint: 'For EC2 / Auto Mode, e.g. m6i.large.',
    placeholder: 'm6i.large',
  },
  {
    id: 'nodes',
    label: 'Nodes',
    kind: 'number',
    hint: 'For EC2 / Auto Mode.',
    initial: '3',
    min: 1,
    max: 10000,
  },
  {
    id: 'region',
    label: 'Region',
    kind: 'choice',
    hint: 'Regions with prices in the snapshot.',
    options: Object.keys(loadPricingSnapshot().regions).map((code) => ({
      value: code,
      label: `${code} (${REGIONS[code]?.name ?? code})`,
    })),
  },
  {
    id: 'clusters',
    label: 'EKS clusters',
    kind: 'number',
    hint: 'ECS clusters are free.',
    initial: '1',
    min: 1,
    max: 1000,
  },
  {
    id: 'support',
    label: 'EKS version support',
    kind: 'choice',
    hint: 'Extended support costs $0.60 per cluster-hour in total.',
    initial: 'standard',
    options: [
      { value: 'standard', label: 'Standard ($0.10/h)' },
      { value: 'extended', label: 'Extended ($0.60/h)' },
    ],
  },
  {
    id: 'hours',
    label: 'Hours',
    kind: 'choice',
    hint: 'How long the workload runs.',
    initial: '24x7',
    options: HOURS_OPTIONS,
  },
];

export type CostFormValues = Partial<Record<CostFormField, string | undefined>>;

export type CostFormResult =
  | { ok: true; request: CostRequest }
  | { ok: false; errors: Partial<Record<CostFormField, string>> };

const MAX_FIELD_CHARS = 40;

/** Which field a problem from the cost engine is about, so the error shows next to it. */
const PROBLEM_FIELDS: Array<[RegExp, CostFormField]> = [
  [/instance|type/i, 'instanceType'],
  [/memory|GB|GiB/i, 'memoryGb'],
  [/vCPU|cpu/i, 'vcpu'],
  [/region/i, 'region'],
  [/cluster/i, 'clusters'],
  [/node/i, 'nodes'],
  [/task|pod|count/i, 'tasks'],
  [/hour/i, 'hours'],
];

/** Validates submitted form values and builds a CostRequest, or returns an error per field. */
export function validateCostForm(
  values: CostFormValues,
  options: { defaultRegion?: string } = {},
): CostFormResult {
  const errors: Partial<Record<CostFormField, string>> = {};
  const get = (id: CostFormField) => {
    const raw = values[id];
    return typeof raw === 'string' ? raw.trim() : '';
  };
  for (const spec of COST_FORM_FIELDS) {
    const v = get(spec.id);
    if (v.length > MAX_FIELD_CHARS) {
      errors[spec.id] = `Keep this under ${MAX_FIELD_CHARS} characters.`;
      continue;
    }
    if (!v) continue;
    if (spec.kind === 'choice' && !spec.options?.some((o) => o.value === v)) {
      errors[spec.id] = `Choose one of: ${spec.options?.map((o) => o.label).join(', ')}.`;
    } else if (spec.kind === 'number') {
      const n = Number(v);
      if (Number.isFinite(n) && spec.min !== undefined && n < spec.min)
        errors[spec.id] = `Must be at least ${spec.min}.`;
      else if (!Number.isFinite(n) || !/^\d+(\.\d+)?$/.test(v))
        errors[spec.id] = 'Enter a number, e.g. 2 or 0.5.';
      else if (spec.max !== undefined && n > spec.max)
        errors[spec.id] = `Must be at most ${spec.max.toLocaleString('en-US')}.`;
    } else if (spec.kind === 'text' && !/^[a-z0-9.-]+$/i.test(v)) {
      errors[spec.id] = 'Use an instance type name such as m6i.large.';
    }
  }
  const compute = get('compute') || 'fargate';
  const onNodes = compute === 'ec2' || compute === 'auto-mode';
  if (onNodes && !get('instanceType') && !errors.instanceType)
    errors.instanceType = 'Enter an instance type, e.g. m6i.large.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const flags = [`--compute ${compute}`];
  if (onNodes) {
    flags.push(`--instance-type ${get('instanceType')}`, `--nodes ${get('nodes') || '1'}`);
  } else {
    for (const [id, flag] of [
      ['tasks', 'tasks'],
      ['vcpu', 'cpu'],
      ['memoryGb', 'memory'],
    ] as const) {
      if (get(id)) flags.push(`--${flag} ${get(id)}`);
    }
  }
  if (get('region')) flags.push(`--region ${get('region')}`);
  if (get('clusters')) flags.push(`--clusters ${get('clusters')}`);
  if (get('support')) flags.push(`--support ${get('support')}`);
  const hours = get('hours');
  if (hours === 'business') flags.push('--business-hours');
  else if (hours === '12h') flags.push('--hours-per-day 12');
  else if (hours === 'weekdays') flags.push('--days-per-week 5');

  const parsed = parseCostRequest(flags.join(' '), undefined, { defaultRegion: options.defaultRegion });
  if (parsed.ok) return { ok: true, request: parsed.request };
  for (const problem of parsed.problems) {
    const field = PROBLEM_FIELDS.find(([re]) => re.test(problem))?.[1] ?? 'compute';
    errors[field] = errors[field] ? `${errors[field]} ${problem}` : problem;
  }
  return { ok: false, errors };
}
