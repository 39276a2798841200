import type { TopicSearch } from '../knowledge/search.ts';
import { contentWords, normalize } from './normalize.ts';
import { detectFactors, type Factors, RECOMMEND_CUE, readPositionalAnswers } from './recommend.ts';
import type { Side, ThreadContext } from './types.ts';

/** Step one of the handler: text (+ thread context) -> intent and entities. No replies are built here. */
export type Understanding =
  | { intent: 'help' }
  | { intent: 'overview' }
  | { intent: 'topic'; topicId: string; mode: 'answer' | 'why' | 'more'; focus?: Side }
  | { intent: 'clarify'; choices: string[] }
  | { intent: 'recommend'; factors: Factors; mode: 'answer' | 'why' | 'flip' }
  | { intent: 'cost'; whatIf: boolean }
  | { intent: 'unknown' };

/** Cost hooks supplied by the cost engine, so understanding stays testable without it. */
export interface CostSignals {
  hasCostSignals(text: string): boolean;
}

const HELP =
  /^(help|usage|commands?|menu|options|\?+|what can (you|this bot|the bot) do|what do you do|how (do i|to|can i) use (you|this|the bot|it)|who are you|what are you|what is this( bot)?|how does this (bot )?work|examples?|getting started)\b/;
const GREETING = /^(hi|hello|hey|yo|hiya|howdy|sup|good (morning|afternoon|evening))( there)?( bot)?[!.?]*$/;
const HELP_ANYWHERE =
  /\b(what can (you|i) (do|help with|answer|ask)|how do i use (you|this bot)|list (of )?commands|show (me )?commands|questions (can|should) i ask|example questions|what are you for|what do you do|what (topics|things|questions|subjects) (do|can) you (cover|answer|handle|know)|what('?s| is) the syntax|how do i (get|ask for) (a |an )?(cost )?estimate)\b/;
const WHY =
  /^(why|how come|why so|why is that|why\?|reason|reasons|what'?s the reason|explain why|justify)\b/;
const MORE =
  /\b(more (detail|details|info|information)|tell me more|go deeper|deep ?dive|elaborate|expand|details please|full details|in depth|keep going|more on (that|this|it)|say more|long version)\b/;
/** "and on EKS?", "what about ecs too?", "the EKS side": the side is the object, not an adjective. */
const focusOn = (side: string) =>
  new RegExp(
    `\\b(and|what about|how about|on|for|in|with)\\s+(the\\s+)?${side}(\\s+(side|too|then|instead|though))?\\s*\\??$|\\b${side} (side|equivalent|version|way)\\b|\\bequivalent (in|on|for) ${side}\\b`,
  );
const FOCUS_EKS = focusOn('eks');
const FOCUS_ECS = focusOn('ecs');
const OVERVIEW =
  /\b(vs|versus|difference|differences|diff|differ|compare|comparison|compared|overview|tl ?;? ?dr|summary|summarize|summarise|pros and cons|pros cons|big picture|at a glance|cheat ?sheet|side by side|rundown|101|basics|what is ecs|what is eks|what are ecs and eks)\b/;
const ORDINALS: Record<string, number> = {
  '1': 0,
  first: 0,
  one: 0,
  '2': 1,
  second: 1,
  two: 1,
  '3': 2,
  third: 2,
  three: 2,
  '4': 3,
  fourth: 3,
  four: 3,
};

export function understand(
  text: string,
  context: ThreadContext,
  search: TopicSearch,
  cost: CostSignals,
): Understanding {
  const t = normalize(text);
  if (t === '' || BARE_OVERVIEW.test(t)) return { intent: 'overview' };
  const wantsAdvice = RECOMMEND_CUE.test(t);
  if (
    !wantsAdvice &&
    (GREETING.test(t) || (HELP.test(t) && contentWords(t).length <= 3) || HELP_ANYWHERE.test(t))
  ) {
    return { intent: 'help' };
  }
  const words = contentWords(t);
  const hits = rankTopics(t, search);
  return (
    answerToOwnQuestion(t, context, search) ??
    costRequest(text, t, context, cost, wantsAdvice) ??
    threadFollowUp(t, words, hits, context, search) ??
    adviceOrOffTopic(t, words, hits, search, wantsAdvice, context.lastTopic) ??
    topicQuestion(t, words, hits, context, search)
  );
}

/** Answers to a question the bot just asked ("Did you mean ...?", the deciding questions) come first. */
function answerToOwnQuestion(
  t: string,
  context: ThreadContext,
  search: TopicSearch,
): Understanding | undefined {
  if (context.clarifyChoices?.length) {
    const picked = pickChoice(t, context.clarifyChoices, search);
    if (picked) return { intent: 'topic', topicId: picked, mode: 'answer' };
  }
  if (context.recommend?.pending) {
    const factors = { ...(readPositionalAnswers(t) ?? {}), ...detectFactors(t) };
    if (Object.keys(factors).length > 0) return { intent: 'recommend', factors, mode: 'answer' };
  }
  return undefined;
}

/** A workload to price, or a what-if on the thread's last estimate. */
function costRequest(
  text: string,
  t: string,
  context: ThreadContext,
  cost: CostSignals,
  wantsAdvice: boolean,
): Understanding | undefined {
  const costSignals = cost.hasCostSignals(text);
  if (context.lastCost !== undefined && costSignals) return { intent: 'cost', whatIf: true };
  // Right after an estimate, "on fargate?" or "same thing on eks fargate" re-prices it.
  const afterEstimate = context.lastIntent === 'cost' && context.lastCost !== undefined;
  if (afterEstimate && (COMPUTE_FOLLOW_UP.test(t) || SAME_AGAIN.test(t)))
    return { intent: 'cost', whatIf: true };
  if (COST_ONLY.test(t)) return { intent: 'cost', whatIf: false };
  // "cost 3 m9z.huge nodes" is the documented command form: the cost engine answers, even if only to say why not.
  if (COST_COMMAND.test(t) && costSignals) return { intent: 'cost', whatIf: false };
  // A workload spec ("3 m5.large nodes") is a cost request; a question about counts ("why only 29 pods?") is not.
  const spec = specStrength(t);
  const choosing = wantsAdvice || /\b(ecs or eks|eks or ecs)\b/.test(t);
  const asksPrice = COST_ASK.test(t) || (HOW_MUCH.test(t) && spec >= 2);
  if (costSignals && spec >= 1 && (asksPrice || (spec >= 2 && !QUESTION_WORDS.test(t) && !choosing))) {
    return { intent: 'cost', whatIf: false };
  }
  return undefined;
}

/** Follow-ups that only make sense against the previous answer: "why?", "more detail", "and on EKS?", "it". */
function threadFollowUp(
  t: string,
  words: string[],
  hits: RankedHit[],
  context: ThreadContext,
  search: TopicSearch,
): Understanding | undefined {
  const top = hits[0];
  const strongTop = top?.strong ? top : undefined;
  const focus = sideFocus(t);
  const bareFollowUp = words.every((w) => FOLLOW_UP_WORDS.has(w));
  const last = context.lastTopic;
  if (context.lastIntent === 'recommend' && FLIP.test(t))
    return { intent: 'recommend', factors: {}, mode: 'flip' };
  if (WHY.test(t) && bareFollowUp) {
    if (context.lastIntent === 'recommend') return { intent: 'recommend', factors: {}, mode: 'why' };
    if (last) return { intent: 'topic', topicId: last, mode: 'why' };
    if (context.lastIntent === 'overview') return { intent: 'topic', topicId: CHOICE_TOPIC, mode: 'why' };
  }
  if (MORE.test(t) && (bareFollowUp || !strongTop)) {
    if (last) return { intent: 'topic', topicId: last, mode: 'more' };
    if (context.lastIntent === 'overview') return { intent: 'overview' };
  }
  if (!last) return undefined;
  if (TLDR.test(t)) return { intent: 'topic', topicId: last, mode: 'answer' };
  if (focus && bareFollowUp) return { intent: 'topic', topicId: last, mode: 'answer', focus };
  // "how about fargate?" inside a topic thread asks about that topic on that compute option.
  if (COMPUTE_FOLLOW_UP.test(t)) return { intent: 'topic', topicId: last, mode: 'answer', focus };
  if (!strongTop && ANAPHORA.test(t)) return { intent: 'topic', topicId: last, mode: 'more', focus };
  // "how much cheaper is it?": a short question about "it" stays on the thread's topic, unless it names another.
  // "does it work on fargate?" keeps the subject: "on fargate" is where, not what.
  const where = new Set([...t.matchAll(/\b(?:on|with|in) (\w+)/g)].map((m) => m[1]));
  const namesOtherTopic = words.some((w) => search.get(w) && w !== last && !where.has(w));
  if (PRONOUN.test(t) && words.length <= 2 && !top?.alias && !namesOtherTopic) {
    return { intent: 'topic', topicId: last, mode: 'answer', focus };
  }
  return undefined;
}

/** "and on EKS?" narrows to one side; "how do ecs and eks scale?" names both and narrows nothing. */
function sideFocus(t: string): Side | undefined {
  if (/\becs\b/.test(t) && /\beks\b/.test(t)) return undefined;
  if (FOCUS_EKS.test(t)) return 'eks';
  if (FOCUS_ECS.test(t)) return 'ecs';
  return undefined;
}

/** Requests for advice, the general comparison, migrations and off-topic messages. */
function adviceOrOffTopic(
  t: string,
  words: string[],
  hits: RankedHit[],
  search: TopicSearch,
  wantsAdvice: boolean,
  lastTopic: string | undefined,
): Understanding | undefined {
  const strongTop = hits[0]?.strong ? hits[0] : undefined;
  const factors = detectFactors(t);
  // Advice is on-topic here unless it names something else to recommend ("recommend a good python framework").
  const adviceObject = wantsAdvice ? ADVICE_OBJECT.exec(t)?.[1] : undefined;
  const offTopic = wantsAdvice
    ? adviceObject !== undefined && isOffTopic(t, contentWords(adviceObject), search)
    : isOffTopic(t, words, search);
  const overviewCue = !strongTop && OVERVIEW.test(t);
  const anyFactor = Object.keys(factors).length > 0;
  if (offTopic && !overviewCue && !anyFactor) return { intent: 'unknown' };
  // "irsa vs pod identity, which should i use?" or "windows on fargate, ecs or eks?" asks for that topic's
  // verdict; advice about the platform needs either no specific topic or something about the team.
  const namesTopic = Boolean(
    strongTop &&
      strongTop.id !== CHOICE_TOPIC &&
      (strongTop.alias || strongTop.exactCount >= 2 || (strongTop.exactCount >= 1 && words.length <= 3)),
  );
  const aboutTeam = Object.keys(factors).some((f) => !CAPABILITY_FACTORS.has(f));
  if (wantsAdvice || PLATFORM_CHOICE.test(t)) {
    const topicVerdict = namesTopic && (wantsAdvice ? !anyFactor : !aboutTeam);
    if (topicVerdict) return { intent: 'topic', topicId: strongTop!.id, mode: 'answer' };
    return { intent: 'recommend', factors, mode: 'answer' };
  }
  if (overviewCue) return { intent: 'overview' };
  if (offTopic) return { intent: 'unknown' };
  const migrating = BOTH_PLATFORMS.test(t) || lastTopic === MIGRATION_TOPIC;
  if (MIGRATION_CUE.test(t) && migrating && search.get(MIGRATION_TOPIC)) {
    return { intent: 'topic', topicId: MIGRATION_TOPIC, mode: 'answer', focus: sideFocus(t) };
  }
  // A team description is a request for advice, unless it frames a question about one topic.
  const asksAboutTopic = Boolean(strongTop && TOPIC_QUESTION.test(t) && strongTop.id !== CHOICE_TOPIC);
  if (hasSituation(t, factors) && !asksAboutTopic) return { intent: 'recommend', factors, mode: 'answer' };
  return undefined;
}

/** One topic, a "Did you mean ...?", the overview, or nothing we know. */
function topicQuestion(
  t: string,
  words: string[],
  hits: RankedHit[],
  context: ThreadContext,
  search: TopicSearch,
): Understanding {
  const top = hits[0];
  const last = context.lastTopic;
  const focus = sideFocus(t);
  if (!top?.strong) {
    if (last && focus) return { intent: 'topic', topicId: last, mode: 'more', focus };
    if (OVERVIEW.test(t) || /\b(ecs|eks)\b.*\b(ecs|eks)\b/.test(t)) return { intent: 'overview' };
    return { intent: 'unknown' };
  }
  // "main differences between ecs and eks" names both sides and no specific topic: the overview.
  if (OVERVIEW.test(t) && words.every((w) => OVERVIEW_WORDS.has(w))) return { intent: 'overview' };
  const choices = ambiguousChoices(words, hits, search);
  if (choices.length >= 2) {
    // The thread already settles it ("any limits on eks?" right after a Fargate answer).
    if (last && choices.includes(last)) return { intent: 'topic', topicId: last, mode: 'answer', focus };
    // "how much does ecs anywhere cost": the price lives in the named topic, not in the general pricing one.
    const named = choices.filter((id) => id !== PRICE_TOPIC && hits.find((h) => h.id === id)?.exact);
    if (choices.includes(PRICE_TOPIC) && named.length === 1) {
      return { intent: 'topic', topicId: named[0]!, mode: 'answer', focus };
    }
    return { intent: 'clarify', choices };
  }
  return { intent: 'topic', topicId: top.id, mode: 'answer', focus };
}

/** Topics to offer in "Did you mean ...?" for a short message, or [] when one topic clearly wins. */
function ambiguousChoices(words: string[], hits: RankedHit[], search: TopicSearch): string[] {
  const top = hits[0];
  if (!top || words.length > 2 || top.alias) return [];
  // One short word that several topics claim as a keyword ("roles", "limits") is ambiguous by definition.
  const claimed = topicsClaimingAll(words, hits, search);
  if (claimed.length >= 2) return claimed.slice(0, 4);
  const runnerUp = hits[1];
  if (
    runnerUp?.strong &&
    runnerUp.exactCount >= top.exactCount &&
    runnerUp.score >= top.score * CLARIFY_RATIO
  ) {
    return hits
      .filter((h) => h.strong && h.score >= top.score * CLARIFY_RATIO)
      .slice(0, 4)
      .map((h) => h.id);
  }
  return [];
}

/** The general pricing topic: a price question about a named product belongs to that product's topic. */
const PRICE_TOPIC = 'pricing';
/** The topic about choosing between the two: advice questions that match it are recommendations. */
const CHOICE_TOPIC = 'best-fit';
const MIGRATION_TOPIC = 'migration';
/** "move from eks to ecs", "what replaces hpa", "what does a task definition become". */
const MIGRATION_CUE =
  /\b(migrat\w*|moving|move|switch\w*|port(ing)?)\b[^.?]{0,30}\b(from|to|off|back to)\b[^.?]{0,20}\b(ecs|eks|kubernetes)\b|\bwhat (replaces|becomes of)\b|\bwhat (does|do) [^?]{1,40} become\b|\b(map|maps|mapping) (over|across)\b/;
/** A migration is between the two platforms: "migrate to X on ECS" (off App Mesh, say) is not one. */
const BOTH_PLATFORMS = /\becs\b.*\b(eks|kubernetes|k8s)\b|\b(eks|kubernetes|k8s)\b.*\becs\b/;

/** Counts with a unit and pricing settings: each one is something that can be priced. */
const SPEC_PARTS =
  /\b\d+(\.\d+)?\s*(x\s*)?([a-z][a-z0-9-]*\s+)?(tasks?|pods?|nodes?|instances?|services?|replicas?|clusters?|vcpus?|cpus?|gb|gib|mb|mib|containers?|servers?)\b|\b(extended support|business hours|weekdays|graviton|fargate spot|[a-z]{2}-[a-z]+-\d)\b/g;
/** An instance type or a --flag is a full spec on its own. */
const FULL_SPEC = /\b[a-z]+\d+[a-z]*\.(nano|micro|small|medium|large|\d*xlarge|metal)\b|(^|\s)--[a-z]/;

/** How much of a priceable workload the text describes: "5 services" alone is 1, "10 tasks 1 vcpu 2gb" is 3. */
function specStrength(t: string): number {
  const parts = t.match(SPEC_PARTS) ?? [];
  // Settings alone ("extended support", "eu-west-1") price nothing: a count or an instance type must be there.
  if (!FULL_SPEC.test(t) && !parts.some((p) => /^\d/.test(p))) return 0;
  return parts.length + (FULL_SPEC.test(t) ? 2 : 0);
}
const COST_ASK =
  /\b(cost|costs|price|pricing|priced|estimate|monthly|per month|a month|bill|budget|spend)\b|\$/;
/** "how much" alone also asks about sizes ("up to how much disk?"), so it needs a fuller workload. */
const HOW_MUCH = /\bhow much\b/;
const BARE_OVERVIEW = /^(overview|ecs vs eks|eks vs ecs|compare|compare them|ecs or eks\??|eks or ecs\??)$/;
const COST_COMMAND = /^(cost|estimate|price|quote)\b(?! of\b)/;
const COST_ONLY =
  /^(cost|costs|estimate|estimate cost|cost estimate|estimate the cost|price it|quote|pricing estimate)$/;
/** Question words anywhere: "m5.large with prefix delegation, how many pods?" and "max pods on an m5.large"
 *  are questions, not workload specs. */
const QUESTION_WORDS =
  /\b(why|what|which|who|how|does|do|did|is|are|can|could|should|when|where|supported|max|maximum|limit|limits)\b/;
const TLDR = /^(tldr|summary|summarize|summarise|short version|in short|recap)\??$/;
const COMPUTE_FOLLOW_UP =
  /^(and |what about |how about |what if |but |same thing |same )?(on |with |for |in |using )?(the )?(eks |ecs )?(on |with )?(fargate|ec2)( side| instead| nodes?)?\??$/;
/** Words that ask for the general comparison rather than one topic. */
const OVERVIEW_WORDS = new Set(
  'main key big major high level overall general overview summary difference differences diff comparison compare compared side tldr pros cons basics rundown glance cheat sheet table 101 like explain five services elastic'.split(
    ' ',
  ),
);
/** "..., ecs or eks?" at the end, or "ecs or eks for us": the platform choice itself. */
const PLATFORM_CHOICE =
  /\b(ecs or eks|eks or ecs)\b\W*$|\b(ecs or eks|eks or ecs),? (for|in) (us|me|our|my)\b/;
/** Factors that describe a workload need rather than the team; alone they point to a topic, not a recommendation. */
const CAPABILITY_FACTORS = new Set(['windows', 'gpu', 'onPrem', 'k8sEcosystem', 'costSensitive']);
/** What a recommendation is asked for, when the message names it: "recommend a good pizza place". */
const ADVICE_OBJECT = /\b(?:recommend|suggest)(?: me)? (?:a|an|some|any) (.+)$/;
/** A question about something ("how steep is ...", "what replaces ...") rather than a request to choose. */
const TOPIC_QUESTION = /\b(how|what|why|when|where|does|do|is|are|can)\b[^.]*$/;
/** "what would change this to EKS?", "when would ECS win?" after a recommendation. */
const FLIP =
  /\bwhat would (change|flip|make)\b|\bwhat would it take\b|\bwhen would (ecs|eks) (win|be better|make sense)\b|\bchange (this|that|your mind)\b/;
const SAME_AGAIN =
  /\bsame (thing|setup|workload|again)\b|\binstead\b|^(make it|make that|now|try|with|what about|how about)\s+\d+\??$/;
const PRONOUN = /\b(it|that|this|them|those)\b/;
const ANAPHORA = /\b(it|that|this|those|them|there|then|after that|same thing)\b/;

/** How close the runner-up must be before the bot asks "Did you mean ...?". */
const CLARIFY_RATIO = 0.75;

const FOLLOW_UP_WORDS = new Set([
  'why',
  'how',
  'come',
  'so',
  'more',
  'detail',
  'details',
  'info',
  'information',
  'tell',
  'deeper',
  'dive',
  'deep',
  'elaborate',
  'expand',
  'side',
  'equivalent',
  'version',
  'ok',
  'okay',
  'cool',
  'nice',
  'great',
  'reason',
  'reasons',
  'please',
  'pls',
  'plz',
  'full',
  'depth',
  'long',
  'keep',
  'going',
  'that',
  'explain',
  'justify',
]);

interface RankedHit {
  id: string;
  score: number;
  strong: boolean;
  /** A whole multi-word alias appears in the text. */
  alias: boolean;
  /** A query word is exactly one of the topic's keywords or its id. */
  exact: boolean;
  /** How many query words are exactly keywords (or the id) of the topic. */
  exactCount: number;
}

/** BM25 hits, with a boost for topics whose whole alias phrase appears in the text. */
export function rankTopics(normalized: string, search: TopicSearch): RankedHit[] {
  const words = contentWords(normalized);
  const padded = ` ${normalized.replace(/[?.!,]/g, ' ').replace(/\s+/g, ' ')} `;
  // The longest whole alias phrase of a topic found in the text, in words (0 when none).
  const aliasWordsOf = (id: string) =>
    Math.max(0, ...search.aliasPhrases(id).map((n) => (padded.includes(` ${n} `) ? n.split(' ').length : 0)));
  const scores = new Map(search.search(normalized).map((h) => [h.id, h]));
  // An alias made only of stop words ("what is an ecs service") gives BM25 nothing to score; it still counts.
  const ALIAS_ONLY_SCORE = 5;
  for (const topic of search.topics) {
    if (!scores.has(topic.id) && aliasWordsOf(topic.id) > 0) {
      scores.set(topic.id, { id: topic.id, score: ALIAS_ONLY_SCORE, strong: true, terms: [] });
    }
  }
  const ranked = [...scores.values()].map((h) => {
    const topic = search.get(h.id);
    const aliasWords = aliasWordsOf(h.id);
    const exactCount = topic ? words.filter((w) => w === topic.id || topic.keywords.includes(w)).length : 0;
    return {
      id: h.id,
      score: h.score * (1 + 0.5 * aliasWords) * (1 + 0.1 * exactCount),
      strong: h.strong || aliasWords > 0,
      alias: aliasWords > 0,
      exact: exactCount > 0,
      exactCount,
    };
  });
  return ranked.sort((a, b) => b.score - a.score);
}

function pickChoice(t: string, choices: string[], search: TopicSearch): string | undefined {
  const ordinal = t.match(/^(?:the\s+)?(\d|first|second|third|fourth|one|two|three|four)\b/);
  if (ordinal) {
    const index = ORDINALS[ordinal[1]!];
    if (index !== undefined && index < choices.length) return choices[index];
  }
  const top = rankTopics(t, search).find((h) => h.strong);
  if (top && choices.includes(top.id)) return top.id;
  // "the kubernetes one": match plain words against the offered titles, stop words included.
  const said = new Set(
    t.split(/[^a-z0-9-]+/).filter((w) => w.length > 2 && !['the', 'one', 'and', 'for'].includes(w)),
  );
  const overlaps = choices.map((id) => {
    const title = search.get(id)?.title.toLowerCase() ?? '';
    return title.split(/[^a-z0-9-]+/).filter((w) => said.has(w)).length;
  });
  const best = Math.max(...overlaps);
  if (best > 0 && overlaps.filter((o) => o === best).length === 1) return choices[overlaps.indexOf(best)];
  return undefined;
}

/** Words that anchor a message in this domain even when no topic matches them. */
const DOMAIN_ANCHOR =
  /\b(ecs|eks|kubernetes|fargate|container|containers|docker|cluster|clusters|pod|pods|task|tasks|aws|amazon|orchestrat\w*|iam|ecr|vpc|eni|alb|nlb)\b/;

/** Off-topic: most of what was said is outside the domain vocabulary and nothing anchors it here. */
function isOffTopic(t: string, words: string[], search: TopicSearch, minUnknown = 2): boolean {
  if (DOMAIN_ANCHOR.test(t) || words.length === 0) return false;
  const known = words.filter((w) => search.knows(w)).length;
  const unknown = words.length - known;
  return known === 0 ? unknown >= minUnknown - 1 : unknown >= minUnknown && unknown > known;
}

/** Topics that list every keyword-like word of the text among their keywords, best first. */
function topicsClaimingAll(words: string[], hits: RankedHit[], search: TopicSearch): string[] {
  const claims = (id: string, w: string) => {
    const topic = search.get(id);
    return Boolean(topic && (topic.id === w || topic.keywords.includes(w)));
  };
  const claimedWords = words.filter((w) => hits.some((h) => claims(h.id, w)));
  // A word that is a topic's own id ("rbac", "iam", "fargate") names that topic: nothing to ask.
  if (claimedWords.length === 0 || claimedWords.some((w) => search.get(w))) return [];
  const best = hits[0]?.score ?? 0;
  // A topic far behind on score is not a real contender, even if it lists the word.
  const floor = words.length === 1 ? 0 : best * 0.5;
  return hits.filter((h) => h.score >= floor && claimedWords.every((w) => claims(h.id, w))).map((h) => h.id);
}

/** A description of the team or workload ("we are 4 devs, no k8s") asks for a recommendation implicitly. */
function hasSituation(t: string, factors: Factors): boolean {
  const count = Object.keys(factors).length;
  if (count === 0) return false;
  const aboutUs = /\b(we|we'?re|our|us|i'?m|i am|my team|my company|team of|startup|side project)\b/.test(t);
  const decisive = Object.keys(factors).filter((f) => f !== 'costSensitive').length;
  if (decisive >= 1 && /\b(ecs or eks|eks or ecs)\b/.test(t)) return true;
  // "small team, no k8s experience": two things about the team are a situation even without "we".
  if (decisive >= 2) return true;
  return (
    aboutUs && (count >= 2 || Boolean(factors.noK8sSkills || factors.runsK8sAlready || factors.k8sSkills))
  );
}
