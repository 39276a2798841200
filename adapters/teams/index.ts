// What adapters/main.ts needs from Teams: the mount (or none), with one line saying how Teams runs.
import type { Brain } from '../../src/brain.ts';
import type { Config } from '../../src/config.ts';
import type { HttpMount } from '../../src/http.ts';
import type { Logger } from '../../src/log.ts';
import { createTeamsMount, TEAMS_PATH } from './mount.ts';

/** Throws TeamsConfigError (a clear reason) when Teams must not start, e.g. production without an app id. */
export function teamsMounts(config: Config, brain: Brain, logger: Logger): HttpMount[] {
  if (!config.TEAMS_ENABLED) {
    logger.info('teams:   off (TEAMS_ENABLED=false)');
    return [];
  }
  const mount = createTeamsMount({ config, brain, logger });
  logger.info(
    mount.mode === 'local'
      ? `teams:   local mode (no MicrosoftAppId): POST ${TEAMS_PATH} from this machine only; try npm run playground`
      : `teams:   POST ${TEAMS_PATH} (Bot Framework tokens required for app ${config.MicrosoftAppId})`,
  );
  return [mount];
}
