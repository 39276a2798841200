// npm run bench: performance figures for the shared brain. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createBrain } from '../src/brain.ts';
import { renderText } from '../src/core/render-text.ts';
import { estimateCost, parseCostRequest } from '../src/cost/index.ts';
import { MemoryStore } from '../src/state/memory-store.ts';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return `n=${s.length} mean=${mean.toFixed(3)}ms p50=${at(0.5).toFixed(3)}ms p95=${at(0.95).toFixed(3)}ms p99=${at(0.99).toFixed(3)}ms max=${s.at(-1)!.toFixed(3)}ms`;
}

const t0 = performance.now();
const brain = createBrain(
  { STATE_STORE: 'memory', DEFAULT_REGION: 'us-east-1', CONTEXT_TTL_SECONDS: 3600 },
  new MemoryStore(),
);
console.log(
  `cold start (load + validate knowledge and pricing, build search index): ${(performance.now() - t0).toFixed(1)} ms`,
);

const set = JSON.parse(readFileSync(new URL('../tests/eval/questions.json', import.meta.url), 'utf8')) as {
  cases: Array<{ q?: string; thread?: Array<{ q: string }> }>;
};
const questions = set.cases.flatMap((c) => (c.thread ? c.thread.map((t) => t.q) : [c.q!]));

// Warm up the JIT, then measure every question several times, each in its own thread.
for (const q of questions) await brain.handler.handle({ text: q, userId: 'bench', threadKey: `warm:${q}` });
const rounds = 5;
const samples: number[] = [];
const start = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const [i, q] of questions.entries()) {
    const t = performance.now();
    const reply = await brain.handler.handle({ text: q, userId: 'bench', threadKey: `bench:${r}:${i}` });
    renderText(reply);
    samples.push(performance.now() - t);
  }
}
const elapsed = (performance.now() - start) / 1000;
console.log(`handle + render, ${questions.length} eval questions x ${rounds}: ${stats(samples)}`);
console.log(`throughput (one core, sequential): ${(samples.length / elapsed).toFixed(0)} messages/s`);

const costTexts = [
  '10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
  '3 m5.large nodes',
  '20 services x 3 replicas, 0.5 vCPU / 1 GB',
  '8 pods 2048 MiB 0.25 vCPU business hours',
  'cost --tasks 10 --cpu 1 --memory 2 --region eu-west-1',
];
const costSamples: number[] = [];
for (let r = 0; r < 200; r++) {
  for (const text of costTexts) {
    const t = performance.now();
    const parsed = parseCostRequest(text);
    if (parsed.ok) estimateCost(parsed.request);
    costSamples.push(performance.now() - t);
  }
}
console.log(`cost parse + estimate: ${stats(costSamples)}`);
const mem = process.memoryUsage();
console.log(
  `memory: rss=${(mem.rss / 2 ** 20).toFixed(0)} MiB heapUsed=${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
