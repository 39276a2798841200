// Composition root: config -> brain -> adapters -> one HTTP server. This is what `npm start` runs.
import { createBrain } from '../src/brain.ts';
import { type Config, ConfigError, loadConfig } from '../src/config.ts';
import type { HttpMount } from '../src/http.ts';
import { createLogger } from '../src/log.ts';
import { startServer } from '../src/server.ts';
import { createSlackMount } from './slack/mount.ts';
import { teamsMounts } from './teams/index.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const brain = createBrain(config);
  const mounts: HttpMount[] = [];
  mounts.push(...teamsMounts(config, brain, logger));
  // Without Slack credentials this logs one line on how to turn Slack on and mounts nothing.
  const slack = createSlackMount(config, brain, logger);
  if (slack) mounts.push(slack);
  const running = await startServer(config, { brain, mounts, logger });
  logger.info(`ecs-vs-eks listening on ${running.url}`);
  logger.info(`health:  ${running.url}/healthz   ready: ${running.url}/readyz`);
  logger.info(
    `try it:  curl -s ${running.url}/api/ask -H 'content-type: application/json' -d '{"text":"ecs vs eks"}'`,
  );
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`Failed to start: ${(err as Error).message}`);
  process.exit(1);
});
