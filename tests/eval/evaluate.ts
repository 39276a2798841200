// Runs the evaluation set through the real handler and scores intent, topic and pick (top-1).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createBrain } from '../../src/brain.ts';
import { renderText } from '../../src/core/render-text.ts';
import type { Reply } from '../../src/core/types.ts';
import { MemoryStore } from '../../src/state/memory-store.ts';

const intent = z.enum(['help', 'overview', 'topic', 'recommend', 'cost', 'clarify', 'unknown']);
const turnSchema = z.strictObject({
  q: z.string(),
  intent,
  topic: z.string().optional(),
  pick: z.enum(['ecs', 'eks', 'ask']).optional(),
  choices: z.array(z.string()).optional(),
});
const caseSchema = z.union([turnSchema, z.strictObject({ thread: z.array(turnSchema).min(2) })]);
export const evalSetSchema = z.strictObject({ cases: z.array(caseSchema) });
type Turn = z.infer<typeof turnSchema>;

export interface EvalResult {
  total: number;
  correct: number;
  accuracy: number;
  byIntent: Record<string, { total: number; correct: number }>;
  byTopic: Record<string, { total: number; correct: number }>;
  failures: Array<{ q: string; expected: string; got: string; thread?: number }>;
}

function label(t: Pick<Turn, 'intent' | 'topic' | 'pick' | 'choices'>): string {
  return [t.intent, t.topic ?? '', t.pick ?? '', t.choices?.join('|') ?? ''].filter(Boolean).join(':');
}

function judge(expected: Turn, reply: Reply): boolean {
  if (reply.intent !== expected.intent) return false;
  if (expected.intent === 'topic') return reply.topics[0] === expected.topic;
  if (expected.intent === 'recommend' && expected.pick) return reply.pick === expected.pick;
  if (expected.intent === 'clarify' && expected.choices)
    return reply.topics.some((t) => expected.choices!.includes(t));
  return true;
}

function freshHandler() {
  return createBrain(
    { STATE_STORE: 'memory', REDIS_URL: undefined, DEFAULT_REGION: 'us-east-1', CONTEXT_TTL_SECONDS: 3600 },
    new MemoryStore(),
  ).handler;
}

/** Eval sets: `questions` is tuned against; `holdout` was written by an outsider and is only measured. */
export const EVAL_SETS = ['questions', 'holdout', 'holdout2', 'holdout3'] as const;
export const FACT_SETS = ['facts', 'facts2', 'facts3', 'facts4'] as const;

export async function runEval(name: (typeof EVAL_SETS)[number] = 'questions'): Promise<EvalResult> {
  const file = new URL(`./${name}.json`, import.meta.url);
  const set = evalSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const handler = freshHandler();
  const result: EvalResult = { total: 0, correct: 0, accuracy: 0, byIntent: {}, byTopic: {}, failures: [] };
  const score = async (turn: Turn, threadKey: string, thread?: number) => {
    const reply = await handler.handle({ text: turn.q, userId: 'eval', threadKey });
    const ok = judge(turn, reply);
    result.total++;
    if (ok) result.correct++;
    result.byIntent[turn.intent] ??= { total: 0, correct: 0 };
    const bucket = result.byIntent[turn.intent]!;
    bucket.total++;
    if (ok) bucket.correct++;
    if (turn.topic) {
      result.byTopic[turn.topic] ??= { total: 0, correct: 0 };
      const tb = result.byTopic[turn.topic]!;
      tb.total++;
      if (ok) tb.correct++;
    }
    if (!ok) {
      const got = label({ intent: reply.intent, topic: reply.topics[0], pick: reply.pick });
      result.failures.push({ q: turn.q, expected: label(turn), got, thread });
    }
  };
  let n = 0;
  for (const c of set.cases) {
    n++;
    if ('thread' in c) {
      for (const turn of c.thread) await score(turn, `eval:thread:${n}`, n);
    } else {
      await score(c, `eval:single:${n}`);
    }
  }
  result.accuracy = result.total ? result.correct / result.total : 0;
  return result;
}

const factsSchema = z.strictObject({
  cases: z.array(z.strictObject({ q: z.string(), mustMatch: z.array(z.string()).min(1) })),
});

export interface FactsResult {
  total: number;
  passed: number;
  failures: Array<{ q: string; missing: string[]; text: string }>;
}

/** Asks each factual question in its own thread and checks that the answer text states the facts. */
export async function runFacts(name: (typeof FACT_SETS)[number] = 'facts'): Promise<FactsResult> {
  const set = factsSchema.parse(JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')));
  const handler = freshHandler();
  const result: FactsResult = { total: 0, passed: 0, failures: [] };
  for (const [i, c] of set.cases.entries()) {
    const reply = await handler.handle({ text: c.q, userId: 'eval', threadKey: `facts:${i}` });
    const text = renderText(reply);
    const missing = c.mustMatch.filter((p) => !new RegExp(p, 'i').test(text));
    result.total++;
    if (missing.length === 0) result.passed++;
    else result.failures.push({ q: c.q, missing, text: text.slice(0, 300) });
  }
  return result;
}

const costTurn = z.strictObject({
  q: z.string(),
  ecs: z.number().nullable(),
  eks: z.number().nullable(),
  why: z.string().optional(),
});
const costSetSchema = z.strictObject({
  cases: z.array(z.union([costTurn, z.strictObject({ thread: z.array(costTurn).min(2) })])),
});

export interface CostResult {
  total: number;
  passed: number;
  failures: Array<{ q: string; expected: string; got: string }>;
}

/** Prices each question (threads keep context for what-ifs) and compares both monthly totals to hand figures. */
export async function runCosts(name = 'cost3'): Promise<CostResult> {
  const set = costSetSchema.parse(
    JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')),
  );
  const handler = freshHandler();
  const result: CostResult = { total: 0, passed: 0, failures: [] };
  const close = (a: number | null | undefined, b: number | null) =>
    b === null ? a === null : typeof a === 'number' && Math.abs(a - b) <= 0.02;
  const check = async (turn: z.infer<typeof costTurn>, threadKey: string) => {
    const reply = await handler.handle({ text: turn.q, userId: 'eval', threadKey });
    const e = reply.estimate as
      | { ecs?: { monthlyUsd: number | null }; eks?: { monthlyUsd: number | null } }
      | undefined;
    const ok = close(e?.ecs?.monthlyUsd, turn.ecs) && close(e?.eks?.monthlyUsd, turn.eks);
    result.total++;
    if (ok) result.passed++;
    else {
      result.failures.push({
        q: turn.q,
        expected: `ECS ${turn.ecs} / EKS ${turn.eks}`,
        got: e ? `ECS ${e.ecs?.monthlyUsd} / EKS ${e.eks?.monthlyUsd}` : `no estimate (${reply.intent})`,
      });
    }
  };
  for (const [i, c] of set.cases.entries()) {
    if ('thread' in c) for (const turn of c.thread) await check(turn, `cost:${i}`);
    else await check(c, `cost:${i}`);
  }
  return result;
}
