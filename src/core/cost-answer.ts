import {
  type CostRequest,
  describeChange,
  type Estimate,
  estimateCost,
  estimateToCsv,
  estimateToJson,
  formatUsd,
  hasCostSignals,
  parseCostRequest,
  type SideEstimate,
  toContractEstimate,
} from '../cost/index.ts';
import type { CostAnswerer } from './handler.ts';
import { makeReply } from './reply.ts';
import type { Reply, ReplyAction } from './types.ts';

const COST_EXAMPLES = [
  'cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
  'cost 3 m5.large nodes',
  'cost 20 services x 3 replicas, 0.5 vCPU / 1 GB, business hours',
  'cost --tasks 10 --cpu 1 --memory 2 --region eu-west-1',
];

/** Words that only say "estimate something"; with nothing else the user still has to describe the workload. */
const BARE_REQUEST =
  /^\s*(cost|costs|estimate|estimate cost|cost estimate|estimate the cost|price|pricing|price it|quote)?\s*[?.!]*\s*$/i;

function base(partial: Partial<Reply> & Pick<Reply, 'title' | 'summary'>): Reply {
  return makeReply({ intent: 'cost', ...partial });
}

function sideTotal(side: SideEstimate): string {
  if (side.monthlyUsd === null) return `cannot be priced: ${side.reason ?? 'a price is missing'}`;
  const range = side.monthlyRangeUsd
    ? ` (Fargate Spot: ${formatUsd(side.monthlyRangeUsd.min)} to ${formatUsd(side.monthlyRangeUsd.max)}/month)`
    : '';
  return `${formatUsd(side.monthlyUsd)}/month, ${formatUsd(side.yearlyUsd ?? side.monthlyUsd * 12)}/year${range}`;
}

function lineItems(side: SideEstimate): string[] {
  const lines = side.lineItems.map((l) => `${l.label}: ${formatUsd(l.monthlyUsd)}/month (${l.formula})`);
  return [...lines, ...side.notes];
}

/** "ECS $108.12/month", a Fargate Spot range, or why the side has no price. */
function sideHeadline(name: 'ECS' | 'EKS', side: SideEstimate): string {
  if (side.monthlyUsd === null) return `${name} cannot be priced`;
  if (side.monthlyRangeUsd) {
    const { min, max } = side.monthlyRangeUsd;
    return `${name} ${formatUsd(min)} to ${formatUsd(max)}/month on Fargate Spot (up to 70% off; Spot prices float)`;
  }
  return `${name} ${formatUsd(side.monthlyUsd)}/month`;
}

function headline(e: Estimate): string {
  const diff = e.differenceMonthlyUsd;
  // A Spot range has no single total to subtract, so no "costs $X more" line for it.
  const ranged = Boolean(e.ecs.monthlyRangeUsd || e.eks.monthlyRangeUsd);
  const gap =
    diff === null || ranged
      ? ''
      : diff === 0
        ? ' They cost the same.'
        : ` EKS costs ${formatUsd(Math.abs(diff))}/month ${diff > 0 ? 'more' : 'less'} (${formatUsd(Math.abs(e.differenceYearlyUsd ?? diff * 12))}/year).`;
  return `${sideHeadline('ECS', e.ecs)} vs ${sideHeadline('EKS', e.eks)} in ${e.regionName} (${e.region}), ${e.hoursLabel}.${gap}`;
}

/** Renders an estimate (and, for a what-if, the change from the previous one) as a Reply. */
export function estimateReply(e: Estimate, previous?: Estimate, changed: string[] = []): Reply {
  const sections = [];
  if (previous) {
    sections.push({
      heading: `What changed${changed.length ? ` (${changed.join(', ')})` : ''}`,
      lines: [
        `ECS: ${describeChange(previous.ecs.monthlyUsd, e.ecs.monthlyUsd)}`,
        `EKS: ${describeChange(previous.eks.monthlyUsd, e.eks.monthlyUsd)}`,
      ],
    });
  }
  sections.push(
    { heading: `ECS line items (${e.ecs.platform})`, lines: lineItems(e.ecs) },
    { heading: `EKS line items (${e.eks.platform})`, lines: lineItems(e.eks) },
    { heading: 'Assumptions', lines: e.assumptions },
  );
  const actions: ReplyAction[] = [{ kind: 'estimate', label: 'New estimate' }];
  return base({
    title: `Monthly cost estimate: ECS vs EKS, ${e.regionName}`,
    summary: previous
      ? `${headline(e)} Change: ECS ${describeChange(previous.ecs.monthlyUsd, e.ecs.monthlyUsd)}; EKS ${describeChange(previous.eks.monthlyUsd, e.eks.monthlyUsd)}.`
      : headline(e),
    rows: [
      { label: 'Platform', ecs: e.ecs.platform, eks: e.eks.platform },
      { label: 'Total', ecs: sideTotal(e.ecs), eks: sideTotal(e.eks) },
    ],
    verdict: e.verdict,
    sections,
    notices: [`Prices as of ${e.pricesAsOf} (snapshot ${e.snapshotDate}), USD, before tax.`, ...e.warnings],
    followUps: ['make it 20 tasks', 'what about eu-west-1?', 'on EC2 with m6i.large instead', 'graviton?'],
    actions,
    sources: e.sources,
    estimate: toContractEstimate(e),
    exports: [
      { filename: `ecs-vs-eks-estimate-${e.region}.csv`, mimeType: 'text/csv', content: estimateToCsv(e) },
      {
        filename: `ecs-vs-eks-estimate-${e.region}.json`,
        mimeType: 'application/json',
        content: estimateToJson(e),
      },
    ],
  });
}

function promptReply(): Reply {
  return base({
    title: 'Estimate the monthly cost of ECS vs EKS',
    summary:
      'Describe the workload and I will price both sides with the same compute: tasks or pods with vCPU and memory on Fargate, or EC2 nodes by instance type, plus region, clusters, support tier and hours.',
    sections: [
      { heading: 'Examples', lines: COST_EXAMPLES },
      {
        heading: 'Defaults when you leave something out',
        lines: [
          'us-east-1',
          '1 EKS cluster on standard support',
          'Linux/x86, on-demand',
          '730 hours per month (24/7)',
        ],
      },
    ],
    followUps: COST_EXAMPLES.slice(0, 2),
  });
}

function problemReply(problems: string[]): Reply {
  return base({
    title: 'I could not price that yet',
    summary: problems.length === 1 ? problems[0]! : 'A few things need fixing before I can price this:',
    sections: [
      ...(problems.length > 1 ? [{ heading: 'Problems', lines: problems }] : []),
      { heading: 'Examples that work', lines: COST_EXAMPLES },
    ],
    followUps: COST_EXAMPLES.slice(0, 2),
  });
}

/** The cost engine behind the handler's CostAnswerer interface. */
export function createCostAnswerer(options: { defaultRegion: string }): CostAnswerer {
  return {
    hasCostSignals,
    answer(text, previous) {
      const prev = previous as CostRequest | undefined;
      if (!prev && BARE_REQUEST.test(text)) return { reply: promptReply() };
      const parsed = parseCostRequest(text, prev, { defaultRegion: options.defaultRegion });
      if (!parsed.ok) return { reply: problemReply(parsed.problems) };
      const estimate = estimateCost(parsed.request);
      const before = prev ? estimateCost(prev) : undefined;
      return { reply: estimateReply(estimate, before, prev ? parsed.changed : []), request: parsed.request };
    },
    answerRequest(request, previous) {
      const estimate = estimateCost(request as CostRequest);
      const before = previous ? estimateCost(previous as CostRequest) : undefined;
      return { reply: estimateReply(estimate, before), request };
    },
  };
}
