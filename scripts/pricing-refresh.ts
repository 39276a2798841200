// npm run pricing:refresh [-- --out DIR] [--regions us-east-1,eu-west-1]
// Refreshes knowledge/pricing from the AWS Price List and prints every price that changed (old -> new).
import { DEFAULT_PRICING_DIR } from '../src/cost/index.ts';
import { refreshPricing } from '../src/cost/refresh.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const regions = arg('regions')
  ?.split(',')
  .map((r) => r.trim())
  .filter(Boolean);
const result = await refreshPricing({
  outDir: arg('out') ?? DEFAULT_PRICING_DIR,
  ...(regions ? { regions } : {}),
  env: process.env,
  log: (line) => console.log(line),
});
for (const p of result.problems) console.error(`problem: ${p}`);
process.exit(result.file ? 0 : 1);
