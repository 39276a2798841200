import { TopicSearch } from '../knowledge/search.ts';
import type { Store } from '../state/store.ts';
import {
  clarifyReply,
  helpReply,
  type Knowledge,
  overviewReply,
  recommendReply,
  topicReply,
  unknownReply,
} from './answer.ts';
import { ThreadContexts } from './context.ts';
import { recommend } from './recommend.ts';
import { makeReply } from './reply.ts';
import type { Inbound, Reply, ThreadContext } from './types.ts';
import { type CostSignals, type Understanding, understand } from './understand.ts';

/** The cost engine as the handler sees it: parse + price, re-pricing against the thread's last request. */
export interface CostAnswerer extends CostSignals {
  /** Parse text (a what-if when `previous` is given) and price it. */
  answer(text: string, previous: unknown): { reply: Reply; request?: unknown };
  /** Price a request that a form already built (Slack modal, Teams card). */
  answerRequest(request: unknown, previous?: unknown): { reply: Reply; request?: unknown };
}

export interface HandlerDeps {
  knowledge: Knowledge;
  store: Store;
  cost: CostAnswerer;
  contextTtlSeconds?: number;
}

/** "that", "it", "this": the message leans on what the thread was just about. */
const REFERS_BACK = /\b(that|it|this|those|them)\b/i;

/** Longest message we read; longer input is answered with a friendly error, never processed. */
export const MAX_INPUT_CHARS = 4000;

/** The one shared intent handler: every adapter calls `handle` and renders the Reply it gets. */
export function createHandler(deps: HandlerDeps) {
  const search = new TopicSearch(deps.knowledge.topics);
  const contexts = new ThreadContexts(deps.store, deps.contextTtlSeconds ?? 7 * 24 * 3600);

  function fromAction(inbound: Inbound): Understanding | undefined {
    const a = inbound.action;
    if (!a) return undefined;
    switch (a.kind) {
      case 'topic':
        return deps.knowledge.get(a.topicId)
          ? { intent: 'topic', topicId: a.topicId, mode: 'answer' }
          : { intent: 'unknown' };
      case 'more':
      case 'why':
        return deps.knowledge.get(a.topicId)
          ? { intent: 'topic', topicId: a.topicId, mode: a.kind === 'more' ? 'more' : 'why' }
          : { intent: 'unknown' };
      case 'overview':
        return { intent: 'overview' };
      case 'recommend':
        return { intent: 'recommend', factors: {}, mode: 'answer' };
      case 'estimate':
        return { intent: 'cost', whatIf: false };
      case 'help':
        return { intent: 'help' };
    }
  }

  const lastTopic = (context: ThreadContext) =>
    context.lastTopic ? deps.knowledge.get(context.lastTopic) : undefined;

  async function handle(inbound: Inbound): Promise<Reply> {
    const text = typeof inbound.text === 'string' ? inbound.text : '';
    if (text.length > MAX_INPUT_CHARS) return tooLongReply(text.length);
    const context = await contexts.load(inbound.threadKey);
    const u = fromAction(inbound) ?? understand(text, context, search, deps.cost);
    const next: ThreadContext = {
      ...context,
      turns: context.turns + 1,
      lastIntent: u.intent,
      clarifyChoices: undefined,
    };
    let reply: Reply;
    switch (u.intent) {
      case 'help':
        reply = helpReply();
        break;
      case 'overview':
        reply = overviewReply(deps.knowledge);
        next.lastTopic = undefined;
        break;
      case 'topic': {
        const topic = deps.knowledge.get(u.topicId)!;
        reply = topicReply(topic, deps.knowledge, u.mode, u.focus);
        next.lastTopic = topic.id;
        next.recommend = undefined;
        break;
      }
      case 'clarify': {
        const choices = u.choices.map((id) => deps.knowledge.get(id)!).filter(Boolean);
        reply = clarifyReply(choices);
        next.clarifyChoices = choices.map((t) => t.id);
        break;
      }
      case 'recommend': {
        // Factors accumulate across the thread, so answers can come over several messages.
        const factors = { ...(context.recommend?.factors ?? {}), ...u.factors };
        const decision = recommend(factors);
        reply = recommendReply(factors, deps.knowledge, decision, u.mode);
        next.recommend = { pending: decision.pick === 'ask', factors };
        next.lastTopic = undefined;
        break;
      }
      case 'cost': {
        const previous = u.whatIf ? context.lastCost : undefined;
        // "how much is that for 4 clusters?" right after extended support means extended support.
        const hint = !u.whatIf && REFERS_BACK.test(text) ? lastTopic(context)?.costHint : undefined;
        const asked = inbound.action ? '' : hint ? `${text} ${hint}` : text;
        const result = deps.cost.answer(asked, previous);
        reply = result.reply;
        if (result.request !== undefined) next.lastCost = result.request;
        next.lastTopic = undefined;
        break;
      }
      default:
        reply = unknownReply();
        next.lastIntent = context.lastIntent;
    }
    await contexts.save(inbound.threadKey, next);
    return reply;
  }

  /** A form-built estimate (modal or card submit) joins the thread like a typed one, so what-ifs work after it. */
  async function handleEstimate(threadKey: string, request: unknown): Promise<Reply> {
    const context = await contexts.load(threadKey);
    const result = deps.cost.answerRequest(request);
    const next: ThreadContext = {
      ...context,
      turns: context.turns + 1,
      lastIntent: 'cost',
      lastTopic: undefined,
    };
    if (result.request !== undefined) next.lastCost = result.request;
    await contexts.save(threadKey, next);
    return result.reply;
  }

  return { handle, handleEstimate, search };
}

export type Handler = ReturnType<typeof createHandler>;

function tooLongReply(length: number): Reply {
  return makeReply({
    intent: 'unknown',
    title: 'That message is too long',
    summary: `Your message has ${length.toLocaleString('en-US')} characters; I read up to ${MAX_INPUT_CHARS.toLocaleString('en-US')}. Ask one question at a time and I will answer each in this thread.`,
    followUps: ['help'],
  });
}
