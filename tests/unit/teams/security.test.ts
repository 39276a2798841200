import { describe, expect, it } from 'vitest';
import { teamsMounts } from '../../../adapters/teams/index.ts';
import { isLoopbackUrl, TeamsConfigError, teamsMode } from '../../../adapters/teams/security.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/log.ts';
import { testBrain } from '../../helpers/brain.ts';

const base = { MicrosoftAppType: 'MultiTenant' as const, NODE_ENV: undefined };

describe('Teams mode', () => {
  it('is local without an app id, except in production where it refuses with a reason', () => {
    expect(teamsMode({ ...base })).toBe('local');
    expect(() => teamsMode({ ...base, NODE_ENV: 'production' })).toThrow(TeamsConfigError);
    expect(() => teamsMode({ ...base, NODE_ENV: 'production' })).toThrow(/Set MicrosoftAppId/);
  });

  it('is authenticated with an app id, and names what a tenant-bound app type still needs', () => {
    expect(teamsMode({ ...base, MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' })).toBe('authenticated');
    expect(() => teamsMode({ ...base, MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' })).toThrow(
      /MicrosoftAppTenantId and MicrosoftAppPassword/,
    );
    expect(
      teamsMode({
        ...base,
        MicrosoftAppId: 'id',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: 't',
      }),
    ).toBe('authenticated');
  });

  it('can be switched off, e.g. for a Slack-only production deployment', () => {
    const { brain } = testBrain();
    const logger = createLogger('silent');
    const off = loadConfig({ NODE_ENV: 'production', TEAMS_ENABLED: 'false' });
    expect(teamsMounts(off, brain, logger)).toEqual([]);
    expect(() => teamsMounts(loadConfig({ NODE_ENV: 'production' }), brain, logger)).toThrow(
      TeamsConfigError,
    );
    const [mount] = teamsMounts(loadConfig({}), brain, logger);
    expect(mount).toMatchObject({ name: 'teams', method: 'POST', path: '/api/messages' });
  });
});

describe('loopback serviceUrls', () => {
  it('accepts this machine only', () => {
    for (const url of [
      'http://localhost:56150/_connector',
      'http://127.0.0.1:3978/',
      'http://[::1]:80/',
      'https://127.8.9.10/',
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
    for (const url of [
      'https://smba.trafficmanager.net/amer/',
      'http://localhost.evil.example/',
      'http://127.0.0.1.nip.io/',
      'http://10.0.0.1/',
      'file:///etc/passwd',
      'not a url',
      42,
    ])
      expect(isLoopbackUrl(url), String(url)).toBe(false);
  });
});
