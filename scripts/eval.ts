// Prints top-1 accuracy per intent and per topic over tests/eval/questions.json.
import { runEval } from '../tests/eval/evaluate.ts';

const pct = (c: number, t: number) => `${((100 * c) / t).toFixed(1)}%`.padStart(7);
const r = await runEval();
console.log(`Overall top-1 accuracy: ${pct(r.correct, r.total)} (${r.correct}/${r.total})\n`);
console.log('By intent:');
for (const [k, v] of Object.entries(r.byIntent).sort())
  console.log(`  ${k.padEnd(20)} ${pct(v.correct, v.total)}  ${v.correct}/${v.total}`);
console.log('\nBy topic:');
for (const [k, v] of Object.entries(r.byTopic).sort())
  console.log(`  ${k.padEnd(20)} ${pct(v.correct, v.total)}  ${v.correct}/${v.total}`);
if (r.failures.length) {
  console.log(`\nMisses (${r.failures.length}):`);
  for (const f of r.failures)
    console.log(`  ${f.thread ? `[thread ${f.thread}] ` : ''}"${f.q}" expected ${f.expected}, got ${f.got}`);
}
