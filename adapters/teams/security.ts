// Which mode Teams runs in, and the checks that keep local mode local.
import type { Config } from '../../src/config.ts';

export type TeamsMode = 'local' | 'authenticated';

export class TeamsConfigError extends Error {
  override name = 'TeamsConfigError';
}

export type TeamsAuthConfig = Pick<
  Config,
  'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'NODE_ENV'
>;

/**
 * No MicrosoftAppId = local mode: botbuilder then skips all inbound authentication and would reply to any
 * serviceUrl, so it is only safe for development on this machine. Production refuses it.
 */
export function teamsMode(config: TeamsAuthConfig): TeamsMode {
  if (config.MicrosoftAppId) {
    const type = config.MicrosoftAppType;
    const missing: string[] = [];
    if (type !== 'MultiTenant' && !config.MicrosoftAppTenantId) missing.push('MicrosoftAppTenantId');
    if (type !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) missing.push('MicrosoftAppPassword');
    if (missing.length) {
      throw new TeamsConfigError(
        `Teams: MicrosoftAppType=${type} also needs ${missing.join(' and ')} (from the Azure Bot's app registration).`,
      );
    }
    return 'authenticated';
  }
  if (config.NODE_ENV === 'production') {
    throw new TeamsConfigError(
      'Teams: refusing to start with NODE_ENV=production and no MicrosoftAppId. Without an app id every request ' +
        'to /api/messages would be accepted unauthenticated. Set MicrosoftAppId, MicrosoftAppPassword, ' +
        'MicrosoftAppType and MicrosoftAppTenantId from your Azure Bot, or set TEAMS_ENABLED=false to run without Teams.',
    );
  }
  return 'local';
}

/** A serviceUrl on this machine: the only place local mode will send replies to. */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
