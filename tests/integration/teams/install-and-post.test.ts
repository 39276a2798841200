// Install events (welcome card, saved team references) and "Post to channel" from a channel and from a
// personal chat, asserted on the exact connector calls.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TeamInstalls } from '../../../adapters/teams/installs.ts';
import {
  activity,
  CHANNEL_ID,
  cardOf,
  cardText,
  checkSentCards,
  type FakeConnector,
  type Json,
  newId,
  personalConversation,
  startFakeConnector,
  startTeams,
  submitFrom,
  submits,
  TEAM_ID,
  TENANT,
  USER_ID,
} from './harness.ts';

describe('Teams install events and channel posts over HTTP', () => {
  let connector: FakeConnector;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  let installs: TeamInstalls;

  beforeAll(async () => {
    connector = await startFakeConnector();
    teams = await startTeams();
    installs = new TeamInstalls(teams.brain.store);
  });
  afterAll(async () => {
    await teams.close();
    await connector.close();
  });
  afterEach(() => {
    checkSentCards(connector.calls);
  });
  beforeEach(() => {
    connector.reset();
    connector.members.clear();
    connector.channels.clear();
  });

  async function installInTeam(): Promise<void> {
    await teams.post(activity('installation-update-team', connector.serviceUrl));
    await teams.post(activity('conversation-update-team', connector.serviceUrl));
  }

  it('welcomes once on a personal install, though Teams sends two events', async () => {
    const conversation = personalConversation();
    await teams.post(activity('installation-update-personal', connector.serviceUrl, conversation));
    await teams.post(
      activity('installation-update-personal', connector.serviceUrl, {
        ...conversation,
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [{ id: '28:c9e4d8a1-7b2f-4e3a-9c6d-2f1e0a5b7c3d' }],
      }),
    );
    expect(connector.calls).toHaveLength(1);
    const welcome = cardOf(connector.calls[0]!);
    expect(connector.calls[0]!.path).toContain(encodeURIComponent(conversation.conversation.id));
    expect(cardText(welcome)).toMatch(/help[\s\S]*compare[\s\S]*cost[\s\S]*recommend/);
    expect(submits(welcome).map((d) => d.action.kind)).toEqual(['overview', 'estimate', 'recommend', 'help']);
  });

  it('saves the team reference on install in a team and forgets it on removal', async () => {
    await installInTeam();
    const saved = await installs.get(TENANT, TEAM_ID);
    expect(saved).toMatchObject({
      teamId: TEAM_ID,
      name: 'Platform Engineering',
      reference: { serviceUrl: connector.serviceUrl, conversation: { id: TEAM_ID }, channelId: 'msteams' },
    });
    // the welcome goes to the team's General channel
    expect(connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(connector.calls[0]!.path).toContain(encodeURIComponent(TEAM_ID));

    await teams.post(activity('installation-update-team', connector.serviceUrl, { action: 'remove' }));
    expect(await installs.get(TENANT, TEAM_ID)).toBeUndefined();
  });

  async function channelEstimate(): Promise<{ source: Json; card: Json }> {
    const root = newId();
    const source = activity('channel-thread-mention', connector.serviceUrl, {
      id: root,
      conversation: { id: `${CHANNEL_ID};messageid=${root}` },
      text: '<at>ECS vs EKS</at> cost 10 tasks with 1 vCPU and 2 GB on fargate',
    });
    await teams.post(source);
    return { source, card: cardOf(connector.calls.at(-1)!) };
  }

  it('"Post to channel" in a channel creates a new top-level post there, which keeps the estimate', async () => {
    const { source, card } = await channelEstimate();
    const post = submits(card).find((d) => d.verb === 'post');
    expect(post).toBeDefined();
    connector.reset();
    await teams.post(submitFrom(source, post));
    const [create, confirm] = connector.calls;
    expect(create!.method).toBe('POST');
    expect(create!.path).toBe('/amer/v3/conversations');
    expect(create!.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL_ID } } });
    const posted = create!.body.activity.attachments[0].content;
    expect(posted.body[0].text).toMatch(/^Monthly cost estimate/);
    expect(submits(posted).some((d) => d.verb === 'post')).toBe(false); // already posted
    expect(confirm!.path).toContain(encodeURIComponent(source.conversation.id));
    expect(confirm!.body.text).toBe('Posted to this channel as a new post.');

    // The new post is its own thread, seeded with the estimate: a follow-up there (no mention needed)
    // re-prices it.
    const newThread = create!.response.id as string;
    expect(newThread).toMatch(/;messageid=\d+$/);
    await teams.post(
      activity('channel-thread-mention', connector.serviceUrl, {
        conversation: { id: newThread },
        text: 'make it 20 tasks',
        entities: [],
      }),
    );
    const whatIf = cardOf(connector.calls.at(-1)!);
    expect(connector.calls.at(-1)!.path).toContain(encodeURIComponent(newThread));
    expect(cardText(whatIf)).toMatch(/What changed[\s\S]*20 tasks x 1 vCPU/);
  });

  it('tells the user why a channel post failed, and shows the answer again', async () => {
    const { source, card } = await channelEstimate();
    connector.reset();
    connector.override((call) =>
      call.path === '/amer/v3/conversations'
        ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
        : undefined,
    );
    await teams.post(
      submitFrom(
        source,
        submits(card).find((d) => d.verb === 'post'),
      ),
    );
    const reply = connector.calls.at(-1)!;
    expect(reply.body.text).toMatch(/not allowed to post in this channel.*add the ECS vs EKS app/);
    expect(reply.body.text).toMatch(/kept below/);
    expect(cardOf(reply).body[0].text).toMatch(/^Monthly cost estimate/); // not lost
  });

  it('from a personal chat, offers the channels of teams the user is in, then posts to the chosen one', async () => {
    await installInTeam();
    connector.members.set(TEAM_ID, new Set([USER_ID]));
    connector.channels.set(TEAM_ID, [{ id: TEAM_ID }, { id: CHANNEL_ID, name: 'Platform' }]);
    const conversation = personalConversation();
    const source = activity('personal-message', connector.serviceUrl, {
      ...conversation,
      text: 'cost 3 m5.large nodes in eu-west-1',
    });
    await teams.post(source);
    const answer = cardOf(connector.calls.at(-1)!);
    connector.reset();

    const click = submitFrom(
      source,
      submits(answer).find((d) => d.verb === 'post'),
    );
    await teams.post(click);
    const calls = connector.calls.map((c) => `${c.method} ${decodeURIComponent(c.path)}`);
    expect(calls).toHaveLength(3);
    expect(calls.slice(0, 2)).toEqual([
      `GET /amer/v3/conversations/${TEAM_ID}/members/${USER_ID}`,
      `GET /amer/v3/teams/${TEAM_ID}/conversations`,
    ]);
    expect(calls[2]).toBe(
      `POST /amer/v3/conversations/${conversation.conversation.id}/activities/${click.id}`,
    );
    const picker = cardOf(connector.calls.at(-1)!);
    const choiceSet = picker.body.find((e: Json) => e.type === 'Input.ChoiceSet');
    expect(choiceSet.choices).toEqual([
      { title: 'Platform Engineering › General', value: `${TEAM_ID}|${TEAM_ID}` },
      { title: 'Platform Engineering › Platform', value: `${TEAM_ID}|${CHANNEL_ID}` },
    ]);
    const postTo = submits(picker)[0];
    connector.reset();

    await teams.post(submitFrom(source, { ...postTo, targetChannel: `${TEAM_ID}|${CHANNEL_ID}` }));
    const create = connector.calls.find((c) => c.method === 'POST' && c.path === '/amer/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL_ID } } });
    expect(create?.body.activity.attachments[0].content.body[0].text).toMatch(
      /^Monthly cost estimate.*Ireland/,
    );
    expect(connector.calls.at(-1)!.body.text).toBe('Posted to Platform Engineering › Platform.');
    expect(connector.calls.at(-1)!.path).toContain(encodeURIComponent(conversation.conversation.id));
  });

  it('refuses a forged channel choice, and explains when the user is in no team with the app', async () => {
    await installInTeam();
    connector.channels.set(TEAM_ID, [{ id: TEAM_ID }]);
    const source = activity('personal-message', connector.serviceUrl, {
      ...personalConversation(),
      text: 'cost 3 m5.large nodes',
    });
    await teams.post(source);
    const answer = cardOf(connector.calls.at(-1)!);
    const replyId = submits(answer).find((d) => d.verb === 'post').replyId;
    connector.reset();

    // Not a member of the team (the connector answers 404): no picker, clear guidance, answer kept.
    await teams.post(submitFrom(source, { verb: 'post', replyId }));
    let last = connector.calls.at(-1)!;
    expect(last.body.text).toMatch(/not in any team you are a member of/);
    expect(cardOf(last).body[0].text).toMatch(/^Monthly cost estimate/);

    // A forged postTo for a channel the team does not list is refused before any post.
    connector.members.set(TEAM_ID, new Set([USER_ID]));
    connector.reset();
    await teams.post(
      submitFrom(source, { verb: 'postTo', replyId, targetChannel: `${TEAM_ID}|19:secret@thread.tacv2` }),
    );
    expect(connector.calls.some((c) => c.path === '/amer/v3/conversations')).toBe(false);
    last = connector.calls.at(-1)!;
    expect(last.body.text).toMatch(/not available to you/);
  });
});
