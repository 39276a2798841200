import type { Overview } from '../knowledge/overview-schema.ts';
import type { Source, Topic } from '../knowledge/schema.ts';
import {
  DECIDING_QUESTIONS,
  type Factors,
  type Recommendation,
  recommend,
  whatWouldFavour,
} from './recommend.ts';
import { makeReply } from './reply.ts';
import type { Reply, ReplyAction, Side } from './types.ts';

/** Step two of the handler: builds platform-neutral replies from the knowledge base. */
export interface Knowledge {
  topics: Topic[];
  overview: Overview;
  get(id: string): Topic | undefined;
}

const EXAMPLES = [
  'ecs vs eks',
  'how do pods get AWS credentials on eks?',
  'which should we choose? small team, no kubernetes experience',
  'cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
  'what are the limits of EKS on Fargate?',
];

const ESTIMATE: ReplyAction = { kind: 'estimate', label: 'Estimate cost' };
const CHOOSE: ReplyAction = { kind: 'recommend', label: 'Help me choose' };
const OVERVIEW: ReplyAction = { kind: 'overview', label: 'Overview' };

export function dedupeSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) if (!seen.has(s.url)) seen.set(s.url, s);
  return [...seen.values()];
}

/** A topic's name for buttons and suggestions: the overview label, or the title up to its colon. */
export function shortTitle(topic: Topic): string {
  return topic.overview?.label ?? topic.title.split(':')[0]!.trim();
}

export function helpReply(): Reply {
  return makeReply({
    intent: 'help',
    title: 'What I can do',
    summary:
      'I compare Amazon ECS and Amazon EKS with cited facts, help you choose between them, and estimate monthly costs side by side. Ask in plain words; follow up in the same thread.',
    sections: [
      {
        heading: 'Ask me',
        lines: [
          'An overview: "ecs vs eks"',
          'One topic: networking, IAM, scaling, Fargate limits, upgrades, Auto Mode, Pod Identity, Spot, Windows, GPUs and more',
          'A recommendation: "which should we choose?" or describe your team',
          'A cost estimate: "cost 10 tasks 1 vCPU 2 GB in eu-west-1" or "3 m5.large nodes"',
          'Follow-ups in the thread: "why?", "more detail", "and on EKS?", "make it 20 tasks"',
        ],
      },
      { heading: 'Examples', lines: EXAMPLES },
    ],
    actions: [OVERVIEW, ESTIMATE, CHOOSE],
    followUps: EXAMPLES.slice(0, 3),
  });
}

export function unknownReply(): Reply {
  return makeReply({
    intent: 'unknown',
    title: 'I only know about ECS and EKS',
    summary:
      'I did not catch an ECS or EKS question there. I can compare the two services topic by topic, recommend one for your team, or estimate monthly costs.',
    sections: [{ heading: 'Try', lines: EXAMPLES.slice(0, 4) }],
    actions: [OVERVIEW, ESTIMATE, CHOOSE, { kind: 'help', label: 'Help' }],
    followUps: EXAMPLES.slice(0, 3),
  });
}

export function overviewReply(kb: Knowledge): Reply {
  const rowTopics = kb.topics
    .filter((t) => t.overview)
    .sort((a, b) => (a.overview?.order ?? 0) - (b.overview?.order ?? 0));
  return makeReply({
    intent: 'overview',
    topics: rowTopics.map((t) => t.id),
    title: kb.overview.title,
    summary: kb.overview.summary,
    rows: rowTopics.map((t) => ({ label: t.overview!.label, ecs: t.overview!.ecs, eks: t.overview!.eks })),
    verdict: kb.overview.verdict,
    actions: [
      ...rowTopics
        .slice(0, 6)
        .map((t): ReplyAction => ({ kind: 'topic', label: t.overview!.label, topicId: t.id })),
      ESTIMATE,
      CHOOSE,
    ],
    followUps: [
      'how does networking differ?',
      'which should we choose?',
      'what does the EKS control plane cost?',
    ],
    sources: dedupeSources([...kb.overview.sources, ...rowTopics.flatMap((t) => t.sources)]),
  });
}

export function topicReply(
  topic: Topic,
  kb: Knowledge,
  mode: 'answer' | 'why' | 'more',
  focus?: Side,
): Reply {
  const related = topic.related.map((id) => kb.get(id)).filter((t): t is Topic => Boolean(t));
  const relatedActions = related
    .slice(0, 3)
    .map((t): ReplyAction => ({ kind: 'topic', label: t.title, topicId: t.id }));
  const base = {
    intent: 'topic' as const,
    topics: [topic.id],
    verdict: topic.verdict,
    sources: topic.sources,
    followUps: [
      ...(mode === 'why' ? [] : ['why?']),
      ...(mode === 'more' ? [] : ['more detail']),
      ...related.slice(0, 2).map((t) => `what about ${shortTitle(t).toLowerCase()}?`),
    ],
  };
  const moreAction: ReplyAction = { kind: 'more', label: 'More detail', topicId: topic.id };
  const whyAction: ReplyAction = { kind: 'why', label: 'Why?', topicId: topic.id };
  if (mode === 'why') {
    return makeReply({
      ...base,
      title: `Why: ${topic.title}`,
      summary: topic.why,
      rows: [{ label: topic.title, ecs: topic.ecs, eks: topic.eks }],
      actions: [moreAction, ...relatedActions],
    });
  }
  if (focus) {
    const other: Side = focus === 'ecs' ? 'eks' : 'ecs';
    return makeReply({
      ...base,
      title: `${topic.title}: the ${focus.toUpperCase()} side`,
      summary: topic[focus],
      sections: [{ heading: `For comparison, ${other.toUpperCase()}`, lines: [topic[other]] }],
      detail: mode === 'more' ? topic.detail : [],
      actions: [moreAction, whyAction, ...relatedActions],
    });
  }
  return makeReply({
    ...base,
    title: topic.title,
    summary: topic.summary,
    rows: [{ label: topic.title, ecs: topic.ecs, eks: topic.eks }],
    detail: mode === 'more' ? topic.detail : [],
    actions: [...(mode === 'more' ? [] : [moreAction]), whyAction, ...relatedActions],
  });
}

export function clarifyReply(choices: Topic[]): Reply {
  const names = choices.map((t) => t.title);
  return makeReply({
    intent: 'clarify',
    topics: choices.map((t) => t.id),
    title: 'Did you mean …?',
    summary: `Did you mean ${names.slice(0, -1).join(', ')}${names.length > 1 ? ' or ' : ''}${names.at(-1)}? Pick one, or reply with its number.`,
    sections: [{ heading: 'Choices', lines: names.map((n, i) => `${i + 1}. ${n}`) }],
    actions: choices.map((t): ReplyAction => ({ kind: 'topic', label: t.title, topicId: t.id })),
    followUps: names.map((_, i) => String(i + 1)),
    sources: [],
  });
}

const SIDE_NAME = { ecs: 'Amazon ECS', eks: 'Amazon EKS' } as const;
/** The topic about choosing between the two; recommendations cite it. */
const CHOICE_TOPIC_ID = 'best-fit';

/** The practical next step for the pick, matched to where the workloads run. */
function nextStep(pick: 'ecs' | 'eks', factors: Factors): string {
  if (factors.onPrem) {
    return pick === 'ecs'
      ? 'Run the on-premises part with ECS Anywhere.'
      : 'Run the on-premises part with EKS Hybrid Nodes (connected sites) or EKS Anywhere (disconnected sites).';
  }
  return pick === 'ecs'
    ? 'Pair it with Fargate (or ECS Managed Instances) to avoid managing servers.'
    : 'Consider EKS Auto Mode to hand node and add-on management to AWS.';
}

export function recommendReply(
  factors: Factors,
  kb: Knowledge,
  decision: Recommendation = recommend(factors),
  mode: 'answer' | 'why' | 'flip' = 'answer',
): Reply {
  const bestFit = kb.get('best-fit');
  const cited = ['best-fit', 'learning-curve', 'portability', 'pricing']
    .map((id) => kb.get(id))
    .filter((t): t is Topic => Boolean(t));
  const sources = dedupeSources(cited.flatMap((t) => t.sources)).slice(0, 5);
  if (decision.pick === 'ask') {
    return makeReply({
      intent: 'recommend',
      pick: 'ask',
      topics: ['best-fit'],
      title: 'Help me choose: a few questions first',
      summary:
        'Five answers decide it. Reply in this thread in your own words, or as a list such as "no, no, no, no, no".',
      sections: [
        { heading: 'Questions', lines: DECIDING_QUESTIONS.map((q, i) => `${i + 1}. ${q.question}`) },
        ...(decision.reasons.length ? [{ heading: 'Noted so far', lines: decision.reasons }] : []),
      ],
      verdict: bestFit?.verdict,
      followUps: ['small team, no kubernetes experience, all on AWS', 'we already run kubernetes on-prem'],
      actions: [OVERVIEW, ESTIMATE],
      sources,
    });
  }
  const pick = decision.pick;
  const other = pick === 'ecs' ? 'eks' : 'ecs';
  if (mode === 'flip') {
    return makeReply({
      intent: 'recommend',
      pick,
      topics: [CHOICE_TOPIC_ID],
      title: `What would make it ${SIDE_NAME[other]}`,
      summary: `Right now it is ${SIDE_NAME[pick]}. Any of these, if true for you, pulls towards ${SIDE_NAME[other]}; tell me in this thread and I will weigh it again.`,
      sections: [{ heading: `Points for ${other.toUpperCase()}`, lines: whatWouldFavour(other, factors) }],
      verdict: bestFit?.verdict,
      followUps: ['why?', 'estimate the cost'],
      actions: [ESTIMATE, OVERVIEW],
      sources,
    });
  }
  if (mode === 'why') {
    return makeReply({
      intent: 'recommend',
      pick,
      topics: ['best-fit'],
      title: `Why ${SIDE_NAME[pick]}`,
      summary:
        'Each reason below comes from something you said in this thread. Tell me more (team skills, portability, Helm or operators, GPU or Windows, ops capacity) and I will weigh it again.',
      sections: [
        { heading: `For ${pick.toUpperCase()}`, lines: decision.reasons },
        {
          heading: `For ${other.toUpperCase()}`,
          lines: decision.caveats.length ? decision.caveats : ['Nothing you mentioned so far.'],
        },
      ],
      verdict: bestFit?.verdict,
      followUps: [`what would change this to ${other.toUpperCase()}?`, 'estimate the cost'],
      actions: [ESTIMATE, OVERVIEW],
      sources,
    });
  }
  const margin = Math.abs(decision.ecsScore - decision.eksScore);
  const strength = margin >= 3 ? 'a clear fit' : 'the better fit, though it is close';
  return makeReply({
    intent: 'recommend',
    pick,
    topics: ['best-fit'],
    title: `Recommendation: ${SIDE_NAME[pick]}`,
    summary: `Go with ${SIDE_NAME[pick]}: from what you told me it is ${strength}. ${nextStep(pick, factors)}`,
    sections: [
      { heading: `Why ${pick.toUpperCase()}`, lines: decision.reasons },
      ...(decision.caveats.length
        ? [{ heading: `What pulls towards ${other.toUpperCase()}`, lines: decision.caveats }]
        : []),
    ],
    verdict: bestFit?.verdict,
    followUps: ['why?', `what would change this to ${other.toUpperCase()}?`, 'estimate the cost'],
    actions: [
      ESTIMATE,
      ...(bestFit ? [{ kind: 'topic', label: 'Best fit', topicId: 'best-fit' } as ReplyAction] : []),
      OVERVIEW,
    ],
    sources,
  });
}
