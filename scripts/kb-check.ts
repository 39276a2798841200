// Validates the knowledge base (topics and pricing snapshots) and names file and field on error.
import { checkOverview, checkTopics } from '../src/knowledge/load.ts';

const { topics, problems: topicProblems } = checkTopics();
const problems = [...topicProblems, ...checkOverview().problems];
let pricingProblems: string[] = [];
try {
  const cost = await import('../src/cost/index.ts');
  pricingProblems = cost.validatePricingDir();
} catch (err) {
  pricingProblems = [`knowledge/pricing: could not be checked (${(err as Error).message})`];
}
const all = [...problems, ...pricingProblems];
if (all.length > 0) {
  console.error(`kb:check found ${all.length} problem(s):`);
  for (const p of all) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`kb:check ok: ${topics.length} topics, pricing snapshots valid`);
