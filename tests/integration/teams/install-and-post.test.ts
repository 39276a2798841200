// Install events (welcome card, saved team references) and "Post to channel" from a channel and from a
// personal chat, asserted on the exact connector calls.
import { beforeAll, describe, expect, it } from 'vitest';
import { cardBytes } from '../../../adapters/teams/card-elements.ts';
import { TeamInstalls } from '../../../adapters/teams/installs.ts';
import { MAX_CARD_BYTES } from '../../../adapters/teams/limits.ts';
import {
  activity,
  CHANNEL_ID,
  cardOf,
  cardText,
  type Json,
  newId,
  personalConversation,
  submitFrom,
  submits,
  TEAM_ID,
  TENANT,
  USER_ID,
  useTeamsHarness,
} from './harness.ts';

describe('Teams install events and channel posts over HTTP', () => {
  const h = useTeamsHarness();
  let installs: TeamInstalls;
  beforeAll(() => {
    installs = new TeamInstalls(h.teams.brain.store);
  });

  async function installInTeam(): Promise<void> {
    await h.teams.post(activity('installation-update-team', h.connector.serviceUrl));
    await h.teams.post(activity('conversation-update-team', h.connector.serviceUrl));
  }

  it('welcomes once on a personal install, though Teams sends two events', async () => {
    const conversation = personalConversation();
    await h.teams.post(activity('installation-update-personal', h.connector.serviceUrl, conversation));
    await h.teams.post(
      activity('installation-update-personal', h.connector.serviceUrl, {
        ...conversation,
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [{ id: '28:c9e4d8a1-7b2f-4e3a-9c6d-2f1e0a5b7c3d' }],
      }),
    );
    expect(h.connector.calls).toHaveLength(1);
    const welcome = cardOf(h.connector.calls[0]!);
    expect(h.connector.calls[0]!.path).toContain(encodeURIComponent(conversation.conversation.id));
    expect(cardText(welcome)).toMatch(/help[\s\S]*compare[\s\S]*cost[\s\S]*recommend/);
    expect(submits(welcome).map((d) => d.action.kind)).toEqual(['overview', 'estimate', 'recommend', 'help']);
  });

  it('saves the team reference on install in a team and forgets it on removal', async () => {
    await installInTeam();
    const saved = await installs.get(TENANT, TEAM_ID);
    expect(saved).toMatchObject({
      teamId: TEAM_ID,
      name: 'Platform Engineering',
      reference: { serviceUrl: h.connector.serviceUrl, conversation: { id: TEAM_ID }, channelId: 'msteams' },
    });
    // the welcome goes to the team's General channel
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(h.connector.calls[0]!.path).toContain(encodeURIComponent(TEAM_ID));

    await h.teams.post(activity('installation-update-team', h.connector.serviceUrl, { action: 'remove' }));
    expect(await installs.get(TENANT, TEAM_ID)).toBeUndefined();
  });

  async function channelEstimate(): Promise<{ source: Json; card: Json }> {
    const root = newId();
    const source = activity('channel-thread-mention', h.connector.serviceUrl, {
      id: root,
      conversation: { id: `${CHANNEL_ID};messageid=${root}` },
      text: '<at>ECS vs EKS</at> cost 10 tasks with 1 vCPU and 2 GB on fargate',
    });
    await h.teams.post(source);
    return { source, card: cardOf(h.connector.calls.at(-1)!) };
  }

  it('"Post to channel" in a channel creates a new top-level post there, which keeps the estimate', async () => {
    const { source, card } = await channelEstimate();
    const post = submits(card).find((d) => d.verb === 'post');
    expect(post).toBeDefined();
    h.connector.reset();
    await h.teams.post(submitFrom(source, post));
    const [create, confirm] = h.connector.calls;
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
    await h.teams.post(
      activity('channel-thread-mention', h.connector.serviceUrl, {
        conversation: { id: newThread },
        text: 'make it 20 tasks',
        entities: [],
      }),
    );
    const whatIf = cardOf(h.connector.calls.at(-1)!);
    expect(h.connector.calls.at(-1)!.path).toContain(encodeURIComponent(newThread));
    expect(cardText(whatIf)).toMatch(/What changed[\s\S]*20 tasks x 1 vCPU/);
  });

  it('tells the user why a channel post failed, and shows the answer again', async () => {
    const { source, card } = await channelEstimate();
    h.connector.reset();
    h.connector.override((call) =>
      call.path === '/amer/v3/conversations'
        ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
        : undefined,
    );
    await h.teams.post(
      submitFrom(
        source,
        submits(card).find((d) => d.verb === 'post'),
      ),
    );
    const reply = h.connector.calls.at(-1)!;
    expect(reply.body.text).toMatch(/not allowed to post in this channel.*add the ECS vs EKS app/);
    expect(reply.body.text).toMatch(/kept below/);
    expect(cardOf(reply).body[0].text).toMatch(/^Monthly cost estimate/); // not lost
  });

  it('a double click on "Post to channel" posts once; a refused post can be tried again', async () => {
    const creates = () => h.connector.calls.filter((c) => c.path === '/amer/v3/conversations');
    const { source, card } = await channelEstimate();
    const post = submits(card).find((d) => d.verb === 'post');
    h.connector.reset();
    const cardId = newId();
    await Promise.all([
      h.teams.post(submitFrom(source, post, cardId)),
      h.teams.post(submitFrom(source, post, cardId)),
    ]);
    expect(creates()).toHaveLength(1);
    const texts = h.connector.calls
      .filter((c) => c.path !== '/amer/v3/conversations')
      .map((c) => c.body.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Posted to this channel as a new post.',
        expect.stringMatching(/already posted/i),
      ]),
    );

    // Refused first (e.g. the app was not allowed), then pressed again: it posts.
    const other = await channelEstimate();
    const again = submits(other.card).find((d) => d.verb === 'post');
    h.connector.reset();
    let refusals = 1;
    h.connector.override((call) =>
      call.path === '/amer/v3/conversations' && refusals-- > 0
        ? { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } }
        : undefined,
    );
    await h.teams.post(submitFrom(other.source, again));
    expect(h.connector.calls.at(-1)!.body.text).toMatch(/not allowed to post/);
    await h.teams.post(submitFrom(other.source, again));
    expect(h.connector.calls.at(-1)!.body.text).toBe('Posted to this channel as a new post.');
    expect(creates()).toHaveLength(2);
  });

  it('from a personal chat, offers the channels of teams the user is in, then posts to the chosen one', async () => {
    await installInTeam();
    h.connector.members.set(TEAM_ID, new Set([USER_ID]));
    h.connector.channels.set(TEAM_ID, [{ id: TEAM_ID }, { id: CHANNEL_ID, name: 'Platform' }]);
    const conversation = personalConversation();
    const source = activity('personal-message', h.connector.serviceUrl, {
      ...conversation,
      text: 'cost 3 m5.large nodes in eu-west-1',
    });
    await h.teams.post(source);
    const answer = cardOf(h.connector.calls.at(-1)!);
    h.connector.reset();

    const click = submitFrom(
      source,
      submits(answer).find((d) => d.verb === 'post'),
    );
    await h.teams.post(click);
    const calls = h.connector.calls.map((c) => `${c.method} ${decodeURIComponent(c.path)}`);
    expect(calls).toHaveLength(3);
    expect(calls.slice(0, 2)).toEqual([
      `GET /amer/v3/conversations/${TEAM_ID}/members/${USER_ID}`,
      `GET /amer/v3/teams/${TEAM_ID}/conversations`,
    ]);
    expect(calls[2]).toBe(
      `POST /amer/v3/conversations/${conversation.conversation.id}/activities/${click.id}`,
    );
    const picker = cardOf(h.connector.calls.at(-1)!);
    const choiceSet = picker.body.find((e: Json) => e.type === 'Input.ChoiceSet');
    expect(choiceSet.choices).toEqual([
      { title: 'Platform Engineering › General', value: `${TEAM_ID}|${TEAM_ID}` },
      { title: 'Platform Engineering › Platform', value: `${TEAM_ID}|${CHANNEL_ID}` },
    ]);
    const postTo = submits(picker)[0];
    h.connector.reset();

    await h.teams.post(submitFrom(source, { ...postTo, targetChannel: `${TEAM_ID}|${CHANNEL_ID}` }));
    const create = h.connector.calls.find((c) => c.method === 'POST' && c.path === '/amer/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: true, channelData: { channel: { id: CHANNEL_ID } } });
    expect(create?.body.activity.attachments[0].content.body[0].text).toMatch(
      /^Monthly cost estimate.*Ireland/,
    );
    expect(h.connector.calls.at(-1)!.body.text).toBe('Posted to Platform Engineering › Platform.');
    expect(h.connector.calls.at(-1)!.path).toContain(encodeURIComponent(conversation.conversation.id));
  });

  it('keeps the channel picker within the card size limit for a team with hundreds of channels', async () => {
    await installInTeam();
    h.connector.members.set(TEAM_ID, new Set([USER_ID]));
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `19:${String(i).padStart(32, '0')}@thread.tacv2`,
      name: `project-${i}-delivery-and-operations`,
    }));
    h.connector.channels.set(TEAM_ID, [{ id: TEAM_ID }, ...many]);
    const source = activity('personal-message', h.connector.serviceUrl, {
      ...personalConversation(),
      text: 'cost 3 m5.large nodes',
    });
    await h.teams.post(source);
    const post = submits(cardOf(h.connector.calls.at(-1)!)).find((d) => d.verb === 'post');
    h.connector.reset();
    await h.teams.post(submitFrom(source, post));
    const sent = h.connector.calls.at(-1)!;
    const picker = cardOf(sent);
    expect(cardBytes(picker)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const choices = picker.body.find((e: Json) => e.type === 'Input.ChoiceSet').choices;
    expect(choices[0]).toEqual({ title: 'Platform Engineering › General', value: `${TEAM_ID}|${TEAM_ID}` });
    expect(choices.length).toBeGreaterThan(50);
    expect(cardText(picker)).toMatch(new RegExp(`${301 - choices.length} more channels`));
    // A listed channel still posts.
    const postTo = submits(picker)[0];
    h.connector.reset();
    await h.teams.post(submitFrom(source, { ...postTo, targetChannel: choices.at(-1).value }));
    expect(h.connector.calls.some((c) => c.path === '/amer/v3/conversations')).toBe(true);
    expect(h.connector.calls.at(-1)!.body.text).toMatch(/^Posted to Platform Engineering › project-/);
  });

  it('refuses a forged channel choice, and explains when the user is in no team with the app', async () => {
    await installInTeam();
    h.connector.channels.set(TEAM_ID, [{ id: TEAM_ID }]);
    const source = activity('personal-message', h.connector.serviceUrl, {
      ...personalConversation(),
      text: 'cost 3 m5.large nodes',
    });
    await h.teams.post(source);
    const answer = cardOf(h.connector.calls.at(-1)!);
    const replyId = submits(answer).find((d) => d.verb === 'post').replyId;
    h.connector.reset();

    // Not a member of the team (the connector answers 404): no picker, clear guidance, answer kept.
    await h.teams.post(submitFrom(source, { verb: 'post', replyId }));
    let last = h.connector.calls.at(-1)!;
    expect(last.body.text).toMatch(/not in any team you are a member of/);
    expect(cardOf(last).body[0].text).toMatch(/^Monthly cost estimate/);

    // A forged postTo for a channel the team does not list is refused before any post.
    h.connector.members.set(TEAM_ID, new Set([USER_ID]));
    h.connector.reset();
    await h.teams.post(
      submitFrom(source, { verb: 'postTo', replyId, targetChannel: `${TEAM_ID}|19:secret@thread.tacv2` }),
    );
    expect(h.connector.calls.some((c) => c.path === '/amer/v3/conversations')).toBe(false);
    last = h.connector.calls.at(-1)!;
    expect(last.body.text).toMatch(/not available to you/);
  });
});
