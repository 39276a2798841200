/**
 * Recommendation: reads the deciding factors out of what the user said, weighs them, and either
 * recommends a side with its reasons or asks the few questions that decide it.
 */
export type Factor =
  | 'noK8sSkills'
  | 'k8sSkills'
  | 'runsK8sAlready'
  | 'portability'
  | 'onPrem'
  | 'awsOnly'
  | 'k8sEcosystem'
  | 'smallTeam'
  | 'platformTeam'
  | 'windows'
  | 'gpu'
  | 'largeScale'
  | 'simpleApp'
  | 'costSensitive';

export type Factors = Partial<Record<Factor, boolean>>;

/** Kubernetes itself (what a team can know or run); "eks" alone is one of the options being compared. */
const K8S = '(kubernetes|k8s|kube|helm)';

const PATTERNS: Array<[Factor, RegExp]> = [
  [
    'noK8sSkills',
    new RegExp(
      `(\\bno\\b|\\bzero\\b|\\blittle\\b|\\blimited\\b|without|lack|don'?t (have|know|use)|dont (have|know)|never (used|touched|run)|new to|nobody( here| on the team| in the team)? (knows|has)|none of us|none (of them )?(know|knows|has|have)|no one (knows|has)|doesn'?t (know|use|have)|does not (know|use|have)|do not (know|use|have)|not know|don'?t really know|not (familiar|experienced|comfortable)|unfamiliar|inexperienced|no one knows|haven'?t used|zero experience)[^.]{0,40}${K8S}|${K8S}[^.]{0,25}(newbies|beginners|noobs|is new to us|scares us|too complex for us)`,
    ),
  ],
  [
    'runsK8sAlready',
    new RegExp(
      `(already|currently|today|existing)[^.]{0,30}(run|use|on|have|using|running|operate)[^.]{0,20}${K8S}|${K8S}[^.]{0,20}(on-?prem|on premises|in (our|the) data ?cent|already|today)|(on|use|using|run|running|from) (gke|aks|openshift|rancher)|self-?managed kubernetes`,
    ),
  ],
  [
    'k8sSkills',
    new RegExp(
      `(know|knows|experienced|experience with|familiar with|comfortable with|expert|experts|skilled|strong|love|ckad|cka)[^.]{0,20}${K8S}|${K8S}[^.]{0,15}(experts?|experience|skills|background|savvy|folks|engineers|people)`,
    ),
  ],
  [
    'portability',
    /(multi-?cloud|multicloud|portab|portable|vendor lock|lock-?in|cloud.?agnostic|gcp|google cloud|azure|other clouds?|leave aws|move off aws|run anywhere)/,
  ],
  [
    'onPrem',
    /(on-?prem|on premises|hybrid|datacenter|data ?cent(er|re)|air.?gapped|edge sites?|own servers|own hardware)/,
  ],
  [
    'awsOnly',
    /(all[- ]in on aws|aws[- ]only|only (on )?aws|all on aws|aws[- ]native|aws[- ]first|no plans? to leave aws|staying on aws|just aws|100% aws|everything (is )?(on|in) aws)/,
  ],
  [
    'k8sEcosystem',
    /(helm|operators?\b|crds?\b|custom resources?|custom controllers?|argo ?cd|argo|flux|istio|linkerd|kubeflow|cncf|gitops|service mesh)/,
  ],
  [
    'smallTeam',
    /(small team|tiny team|small startup|startup|few (devs|developers|engineers|people)|\b[1-6] (devs|developers|engineers|people|person)\b|solo|just me|one[- ]person|no (dedicated )?(ops|platform|devops|sre)|limited ops|no ops|lean team|two of us|three of us|small shop)/,
  ],
  [
    'platformTeam',
    /((dedicated|big|large|our|a|have an?) (platform|sre|ops|devops|infra(structure)?) (team|group|engineers)|platform engineering)/,
  ],
  ['windows', /(windows|\.net framework|iis)/],
  ['gpu', /(gpu|machine learning|\bml\b|training|inference|cuda|nvidia|llm|ai workloads?)/],
  [
    'largeScale',
    /(thousands of|hundreds of (micro)?services|huge scale|massive|large scale|at scale|very large|\b[1-9]\d{2,} (micro)?services|many clusters|dozens of clusters)/,
  ],
  [
    'simpleApp',
    /(simple|few services|couple of services|a handful|single (app|service|api)|one (app|service|api)|just a (web ?app|website|api|service)|small app|side project|tiny|one container|single container|basic|straightforward|a few containers)/,
  ],
  [
    'costSensitive',
    /(cheap|cheapest|budget|cost[- ]sensitive|low cost|tight on money|save money|keep costs? down|(pay|paying) (a |the |for (a |the )?)?control plane|control plane fee)/,
  ],
];

/** Needs that "no helm", "no gpu", "don't need windows" rule out rather than raise. */
const NEGATABLE = new Set<Factor>([
  'k8sEcosystem',
  'gpu',
  'windows',
  'largeScale',
  'portability',
  'onPrem',
  'platformTeam',
]);
const NEGATION_BEFORE =
  /\b(no|not|don'?t (need|use|have|want|care about)|without|never|zero|nor)\s+(\w+\s+)?$/;

export function detectFactors(normalizedText: string): Factors {
  const t = normalizedText;
  const found: Factors = {};
  for (const [factor, pattern] of PATTERNS) {
    const global = new RegExp(pattern.source, 'g');
    const said = [...t.matchAll(global)].some(
      (m) => !(NEGATABLE.has(factor) && NEGATION_BEFORE.test(t.slice(Math.max(0, m.index - 25), m.index))),
    );
    if (said) found[factor] = true;
  }
  // "no kubernetes experience" also matches the skills pattern; the negation wins.
  if (found.noK8sSkills) delete found.k8sSkills;
  if (found.runsK8sAlready) found.k8sSkills = true;
  if (found.runsK8sAlready && found.onPrem) found.portability = true;
  return found;
}

/** Phrases that mean "help me decide", with or without details. */
export const RECOMMEND_CUE =
  /\b(which (one |service |option |of (the|them) )?(should|would|do|to|is right|is better for (us|me))|which one\??$|what should (we|i)|should (we|i) (use|go|pick|choose|start|run)|recommend|recommendation|suggest|suggestion|advice|advise|(ecs|eks) or (ecs|eks)\??,? (for|in) (us|me|our|my)|help (me|us) (choose|decide|pick)|decide between|choose between|pick between|pick one|choose one|(pick|choose) for (me|us)|(should|shall|would|do) (we|i|you) go with|which is (right|best|better) for (us|me|our)|what would you (pick|choose|use)|makes? more sense for (us|me|our)|right choice for|best fit for (us|me|our)|what do you (suggest|recommend)|(overkill|worth it) for (us|me|our)|which one (we|i) (should|shall|could)|(ecs|eks) right\??$)/;

/** Questions the bot asks when it cannot decide yet; answers map to factors by position. */
export const DECIDING_QUESTIONS: Array<{ question: string; yes: Factor; no?: Factor }> = [
  {
    question: 'Does your team already know Kubernetes (or run it somewhere today)?',
    yes: 'k8sSkills',
    no: 'noK8sSkills',
  },
  {
    question: 'Do you need the same platform outside AWS (multi-cloud, on-premises, portability)?',
    yes: 'portability',
    no: 'awsOnly',
  },
  { question: 'Do you rely on Helm charts, operators or CRDs?', yes: 'k8sEcosystem' },
  { question: 'Any GPU, Windows or very large-scale needs (hundreds of services)?', yes: 'largeScale' },
  {
    question: 'Do you have a platform or ops team to own upgrades and add-ons?',
    yes: 'platformTeam',
    no: 'smallTeam',
  },
];

/** Reads "yes, no, no, yes, no" (or "1 yes 2 no ...") as answers to DECIDING_QUESTIONS in order. */
export function readPositionalAnswers(normalizedText: string): Factors | undefined {
  const tokens = normalizedText.match(/\b(yes|yeah|yep|yup|y|no|nope|nah|n)\b/g);
  if (!tokens || tokens.length < 2) return undefined;
  const stripped = normalizedText.replace(/\b(yes|yeah|yep|yup|y|no|nope|nah|n|\d)\b|[.,;:)\-/]/g, '').trim();
  if (stripped.length > 12) return undefined; // prose with a stray "no" in it, not a list of answers
  const factors: Factors = {};
  tokens.slice(0, DECIDING_QUESTIONS.length).forEach((tok, i) => {
    const q = DECIDING_QUESTIONS[i]!;
    const yes = /^(yes|yeah|yep|yup|y)$/.test(tok);
    const factor = yes ? q.yes : q.no;
    if (factor) factors[factor] = true;
  });
  return factors;
}

export interface Recommendation {
  pick: 'ecs' | 'eks' | 'ask';
  ecsScore: number;
  eksScore: number;
  reasons: string[];
  caveats: string[];
}

const WEIGHTS: Record<
  Factor,
  { side: 'ecs' | 'eks' | 'none'; weight: number; reason: string; caveat?: string }
> = {
  noK8sSkills: {
    side: 'ecs',
    weight: 3,
    reason: 'Nobody has to learn Kubernetes: ECS uses task definitions, services and IAM roles only.',
  },
  k8sSkills: {
    side: 'eks',
    weight: 3,
    reason: 'Your team already knows Kubernetes, so EKS reuses those skills, manifests and tools.',
  },
  runsK8sAlready: {
    side: 'eks',
    weight: 3,
    reason: 'You already run Kubernetes, so EKS keeps one API, one set of manifests and one toolchain.',
  },
  portability: {
    side: 'eks',
    weight: 3,
    reason: 'Kubernetes APIs run on any conformant cluster; ECS task definitions and APIs exist only on AWS.',
  },
  onPrem: {
    side: 'eks',
    weight: 1,
    reason:
      'Both reach your own servers: ECS Anywhere ($0.01025 per instance-hour, no load balancer integration or awsvpc) or EKS Anywhere and EKS Hybrid Nodes; EKS fits better when the same Kubernetes platform must also run disconnected.',
  },
  awsOnly: {
    side: 'ecs',
    weight: 2,
    reason:
      'You are all-in on AWS, so ECS portability limits cost you nothing and its AWS integrations are native.',
  },
  k8sEcosystem: {
    side: 'eks',
    weight: 3,
    reason:
      'Helm charts, operators, CRDs and GitOps tools need the Kubernetes API; ECS has no equivalent extension points.',
  },
  smallTeam: {
    side: 'ecs',
    weight: 2,
    reason:
      'A small team saves the day-2 work: ECS has no Kubernetes version upgrades (EKS needs about three a year) and no add-ons to patch.',
  },
  platformTeam: {
    side: 'eks',
    weight: 1,
    reason:
      'A platform team can absorb EKS upgrades and add-ons and turn Kubernetes flexibility into an internal platform.',
  },
  windows: {
    side: 'ecs',
    weight: 1,
    reason:
      'Windows containers run on ECS with EC2 or Fargate; on EKS they need EC2 Windows nodes plus Linux nodes.',
  },
  gpu: {
    side: 'none',
    weight: 0,
    reason:
      'GPUs work on both, on EC2 only (neither runs GPUs on Fargate); EKS has the broader ML tooling such as Kubeflow.',
  },
  largeScale: {
    side: 'eks',
    weight: 1,
    reason:
      'At large scale EKS gives finer scheduling control (Karpenter, affinity, many node types), though ECS also scales to thousands of tasks.',
  },
  simpleApp: {
    side: 'ecs',
    weight: 2,
    reason:
      'For a few services, ECS (often with Fargate or Express Mode) gets you running with the least platform work.',
  },
  costSensitive: {
    side: 'ecs',
    weight: 1,
    reason:
      'ECS charges no control-plane fee; each EKS cluster adds $0.10 per hour (about $73 a month) on standard support.',
  },
};

/** What would move the decision to `side`: the reasons of every factor for that side not said yet. */
export function whatWouldFavour(side: 'ecs' | 'eks', factors: Factors): string[] {
  return (Object.entries(WEIGHTS) as Array<[Factor, (typeof WEIGHTS)[Factor]]>)
    .filter(([factor, w]) => w.side === side && !factors[factor])
    .sort((a, b) => b[1].weight - a[1].weight)
    .map(([, w]) => w.reason);
}

export function recommend(factors: Factors): Recommendation {
  let ecsScore = 0;
  let eksScore = 0;
  const ecsReasons: string[] = [];
  const eksReasons: string[] = [];
  const neutral: string[] = [];
  for (const [factor, on] of Object.entries(factors) as Array<[Factor, boolean]>) {
    if (!on) continue;
    const w = WEIGHTS[factor];
    if (w.side === 'ecs') {
      ecsScore += w.weight;
      ecsReasons.push(w.reason);
    } else if (w.side === 'eks') {
      eksScore += w.weight;
      eksReasons.push(w.reason);
    } else {
      neutral.push(w.reason);
    }
  }
  if (ecsScore === 0 && eksScore === 0)
    return { pick: 'ask', ecsScore, eksScore, reasons: neutral, caveats: [] };
  if (ecsScore === eksScore) {
    // A tie is decided by operations cost: ECS is the smaller commitment and easy to leave later.
    return {
      pick: 'ecs',
      ecsScore,
      eksScore,
      reasons: [...ecsReasons, ...neutral],
      caveats: [...eksReasons, 'It is close: the points above pull towards EKS.'],
    };
  }
  const pick = ecsScore > eksScore ? 'ecs' : 'eks';
  return {
    pick,
    ecsScore,
    eksScore,
    reasons: [...(pick === 'ecs' ? ecsReasons : eksReasons), ...neutral],
    caveats: pick === 'ecs' ? eksReasons : ecsReasons,
  };
}
