// npm run eval [-- holdout]: top-1 accuracy per intent and topic, then the fact checks.
import { EVAL_SETS, FACT_SETS, runCosts, runEval, runFacts } from '../tests/eval/evaluate.ts';

// Piping into `head` closes stdout early; that is fine.
process.stdout.on('error', () => process.exit(0));

const pct = (c: number, t: number) => `${((100 * c) / t).toFixed(1)}%`.padStart(7);
const wanted = process.argv
  .slice(2)
  .filter((a): a is (typeof EVAL_SETS)[number] => (EVAL_SETS as readonly string[]).includes(a));
for (const name of wanted.length ? wanted : EVAL_SETS) {
  const r = await runEval(name);
  console.log(`[${name}] top-1 accuracy: ${pct(r.correct, r.total)} (${r.correct}/${r.total})\n`);
  console.log('By intent:');
  for (const [k, v] of Object.entries(r.byIntent).sort())
    console.log(`  ${k.padEnd(20)} ${pct(v.correct, v.total)}  ${v.correct}/${v.total}`);
  console.log('\nBy topic:');
  for (const [k, v] of Object.entries(r.byTopic).sort())
    console.log(`  ${k.padEnd(20)} ${pct(v.correct, v.total)}  ${v.correct}/${v.total}`);
  if (r.failures.length) {
    console.log(`\nMisses (${r.failures.length}):`);
    for (const f of r.failures)
      console.log(
        `  ${f.thread ? `[thread ${f.thread}] ` : ''}"${f.q}" expected ${f.expected}, got ${f.got}`,
      );
  }
  console.log('');
}
for (const name of FACT_SETS) {
  const facts = await runFacts(name);
  console.log(
    `[${name}] answers that state the expected facts: ${pct(facts.passed, facts.total)} (${facts.passed}/${facts.total})`,
  );
  for (const f of facts.failures) {
    console.log(`  "${f.q}" missing ${f.missing.join(', ')}: ${f.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
}
const costs = await runCosts();
console.log(
  `[cost3] estimates matching hand-worked totals: ${pct(costs.passed, costs.total)} (${costs.passed}/${costs.total})`,
);
for (const f of costs.failures) console.log(`  "${f.q}" expected ${f.expected}, got ${f.got}`);
