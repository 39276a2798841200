import { describe, expect, it } from 'vitest';
import { runEval } from '../eval/evaluate.ts';

// The quality bar: top-1 accuracy over our own evaluation set (run `npm run eval` for the breakdown).
const BAR = 0.95;

describe('evaluation set', () => {
  it(`understands at least ${BAR * 100}% of the evaluation questions`, async () => {
    const result = await runEval();
    expect(result.total).toBeGreaterThanOrEqual(200);
    const misses = result.failures.map((f) => `"${f.q}" expected ${f.expected}, got ${f.got}`).join('\n');
    expect(
      result.accuracy,
      `accuracy ${(result.accuracy * 100).toFixed(1)}%; misses:\n${misses}`,
    ).toBeGreaterThanOrEqual(BAR);
  });
});
