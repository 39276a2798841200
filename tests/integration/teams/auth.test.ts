// With MicrosoftAppId set, every request must carry a valid Bot Framework JWT. The real botbuilder validation
// runs against keys generated here; the OpenID metadata and JWKS are served through nock at Microsoft's URLs.
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TeamsConfigError } from '../../../adapters/teams/security.ts';
import {
  activity,
  CHANNEL_ID,
  cardOf,
  newId,
  personalConversation,
  startTeams,
  submitFrom,
  submits,
  useTeamsHarness,
} from './harness.ts';

const APP_ID = '5f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a0f9';
const ISSUER = 'https://api.botframework.com';
const KID = 'ecs-vs-eks-test-key';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** Outbound calls signed with a fixed token: no MSAL request ever leaves the test. */
const fakeCredentials = {
  isValidAppId: async (appId: string) => appId === APP_ID,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () => ({
    signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
      request.headers.set('Authorization', 'Bearer outbound-test-token');
      return request;
    },
  }),
};

describe('Teams with an app id: Bot Framework JWT required', () => {
  let key: Key;
  let otherKey: Key;

  beforeAll(async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // botbuilder logs every rejected token
    const pair = await generateKeyPair('RS256', { extractable: true });
    key = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK & { endorsements: string[] } = {
      ...(await exportJWK(pair.publicKey)),
      kid: KID,
      use: 'sig',
      endorsements: ['msteams'],
    };
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: ISSUER,
        jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
        id_token_signing_alg_values_supported: ['RS256'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [jwk] });
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    vi.restoreAllMocks();
  });
  // Registered after the key and nock setup: starts after it, and stops before nock is cleaned up.
  const h = useTeamsHarness({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    },
    credentialsFactory: fakeCredentials as never,
  });

  function token(claims: { aud?: string; serviceurl?: string; exp?: number; iat?: number }, signWith = key) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: claims.serviceurl ?? h.connector.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(claims.aud ?? APP_ID)
      .setIssuedAt(claims.iat ?? now - 60)
      .setNotBefore((claims.iat ?? now - 60) - 5)
      .setExpirationTime(claims.exp ?? now + 3600)
      .sign(signWith);
  }

  const message = () => activity('personal-message', h.connector.serviceUrl, personalConversation());

  it('answers a request with a correctly signed token, and signs its own reply', async () => {
    const res = await h.teams.post(message(), { authorization: `Bearer ${await token({})}` });
    expect(res.status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0]!.headers.authorization).toBe('Bearer outbound-test-token');
    expect(cardOf(h.connector.calls[0]!).type).toBe('AdaptiveCard');
  });

  it('rejects a missing, forged, wrong-audience, expired or misdirected token with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Record<string, string>]> = [
      ['missing', {}],
      ['not a JWT', { authorization: 'Bearer hello' }],
      ['forged (signed with another key)', { authorization: `Bearer ${await token({}, otherKey)}` }],
      ['wrong audience', { authorization: `Bearer ${await token({ aud: 'another-bot' })}` }],
      ['expired', { authorization: `Bearer ${await token({ iat: now - 7200, exp: now - 900 })}` }],
      [
        'serviceurl claim for another connector',
        { authorization: `Bearer ${await token({ serviceurl: 'https://evil.example/' })}` },
      ],
    ];
    for (const [what, headers] of cases) {
      const res = await h.teams.post(message(), headers);
      expect(res.status, what).toBe(401);
    }
    expect(h.connector.calls).toHaveLength(0);
  });

  it('a rejected request cannot use up an activity id (dedupe runs after authentication)', async () => {
    const msg = message();
    expect((await h.teams.post(msg, { authorization: `Bearer ${await token({}, otherKey)}` })).status).toBe(
      401,
    );
    expect((await h.teams.post(msg, { authorization: `Bearer ${await token({})}` })).status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
  });

  it('replies to the real Teams connector URL it was given, through nock', async () => {
    const serviceUrl = 'https://smba.trafficmanager.net/emea/';
    const msg = activity('personal-message', serviceUrl, personalConversation());
    const path = `/emea/v3/conversations/${encodeURIComponent(msg.conversation.id)}/activities/${msg.id}`;
    let sent: { attachments?: Array<{ content: { version: string } }> } | undefined;
    const scope = nock('https://smba.trafficmanager.net')
      .post(path, (body) => {
        sent = body;
        return true;
      })
      .matchHeader('authorization', 'Bearer outbound-test-token')
      .reply(201, { id: 'reply-1' });
    const res = await h.teams.post(msg, {
      authorization: `Bearer ${await token({ serviceurl: serviceUrl })}`,
    });
    expect(res.status).toBe(200);
    expect(scope.isDone()).toBe(true);
    expect(sent?.attachments?.[0]?.content.version).toBe('1.5');
  });

  it('posts to a channel with the real app id (sendMessageToTeamsChannel needs it under CloudAdapter)', async () => {
    const root = newId();
    const conversation = { id: `${CHANNEL_ID};messageid=${root}` };
    const source = activity('channel-thread-mention', h.connector.serviceUrl, {
      id: root,
      conversation,
      text: '<at>ECS vs EKS</at> cost 3 m5.large nodes',
    });
    const auth = { authorization: `Bearer ${await token({})}` };
    await h.teams.post(source, auth);
    const post = submits(cardOf(h.connector.calls[0]!)).find((d) => d.verb === 'post');
    expect((await h.teams.post(submitFrom(source, post), auth)).status).toBe(200);
    const create = h.connector.calls.find((c) => c.path === '/amer/v3/conversations');
    expect(create?.headers.authorization).toBe('Bearer outbound-test-token');
    expect(create?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL_ID } } });
    expect(h.connector.calls.at(-1)!.body.text).toBe('Posted to this channel as a new post.');
  });

  it('refuses to start in production without an app id, and says why', async () => {
    await expect(startTeams({ env: { NODE_ENV: 'production' } })).rejects.toThrow(TeamsConfigError);
    await expect(startTeams({ env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /NODE_ENV=production and no MicrosoftAppId.*TEAMS_ENABLED=false/s,
    );
  });
});
