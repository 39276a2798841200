// Real-shaped Teams message activities posted to /api/messages; replies asserted on the fake connector.
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  activity,
  BOT_ID,
  CHANNEL_ID,
  cardOf,
  cardText,
  newId,
  personalConversation,
  startTeams,
  useTeamsHarness,
} from './harness.ts';

describe('Teams messages over HTTP', () => {
  const h = useTeamsHarness();

  it('answers a personal message in the same conversation, as an Adaptive Card', async () => {
    const msg = activity('personal-message', h.connector.serviceUrl, personalConversation());
    const res = await h.teams.post(msg);
    expect(res.status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
    const [call] = h.connector.calls;
    expect(call!.method).toBe('POST');
    expect(call!.path).toBe(
      `/amer/v3/conversations/${encodeURIComponent(msg.conversation.id)}/activities/${msg.id}`,
    );
    expect(call!.headers.authorization).toBeUndefined(); // local mode: no credentials
    expect(call!.body).toMatchObject({
      type: 'message',
      replyToId: msg.id,
      conversation: { id: msg.conversation.id },
      recipient: { id: msg.from.id },
    });
    const card = cardOf(call!);
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toMatch(/Pod Identity|IRSA/);
    // The text fallback: the card's fallbackText and the notification summary.
    expect(card.fallbackText).toMatch(/Pod Identity|IRSA/);
    expect(call!.body.summary).toMatch(/\S/);
    expect(call!.body.text).toBeUndefined(); // Teams would show it above the card, twice
  });

  it('answers a channel @mention in its thread, with the mention removed, and follows up there', async () => {
    const root = newId();
    const thread = { conversation: { id: `${CHANNEL_ID};messageid=${root}` } };
    const msg = activity('channel-thread-mention', h.connector.serviceUrl, { ...thread, id: root });
    expect((await h.teams.post(msg)).status).toBe(200);
    const [reply] = h.connector.calls;
    // The thread is the conversation id with ;messageid=, URL-encoded in the path.
    expect(reply!.path).toBe(
      `/amer/v3/conversations/19%3A8a2d6d1f0e5c4b3aa1b2c3d4e5f6a7b8%40thread.tacv2%3Bmessageid%3D${root}/activities/${root}`,
    );
    expect(cardText(cardOf(reply!))).toMatch(/^Networking/m);

    // A follow-up in the same thread (mentioned again) resolves "why?" against the thread context.
    const followUp = activity('channel-thread-mention', h.connector.serviceUrl, {
      ...thread,
      text: '<at>ECS vs EKS</at> why?',
    });
    await h.teams.post(followUp);
    const second = h.connector.calls[1]!;
    expect(second.path).toContain(`%3Bmessageid%3D${root}/activities/${followUp.id}`);
    expect(cardOf(second).body[0].text).toMatch(/^Why: Networking/);
  });

  it('answers follow-ups without a mention only in channel threads it already takes part in', async () => {
    const quiet = activity('channel-thread-mention', h.connector.serviceUrl, {
      conversation: { id: `${CHANNEL_ID};messageid=${newId()}` },
      text: 'what about IAM?',
      entities: [],
    });
    expect((await h.teams.post(quiet)).status).toBe(200);
    expect(h.connector.calls).toHaveLength(0); // someone else's thread: stay quiet

    const root = newId();
    const thread = { conversation: { id: `${CHANNEL_ID};messageid=${root}` } };
    await h.teams.post(activity('channel-thread-mention', h.connector.serviceUrl, { ...thread, id: root }));
    await h.teams.post(
      activity('channel-thread-mention', h.connector.serviceUrl, {
        ...thread,
        text: 'more detail',
        entities: [],
      }),
    );
    expect(h.connector.calls).toHaveLength(2);
    expect(cardOf(h.connector.calls[1]!).body[0].text).toMatch(/^Networking/);
    expect(cardText(cardOf(h.connector.calls[1]!))).toContain('More detail');
  });

  it('stays quiet about off-topic chatter in its channel threads unless mentioned (as in Slack)', async () => {
    const root = newId();
    const thread = { conversation: { id: `${CHANNEL_ID};messageid=${root}` } };
    await h.teams.post(activity('channel-thread-mention', h.connector.serviceUrl, { ...thread, id: root }));
    expect(h.connector.calls).toHaveLength(1);
    const chatter = activity('channel-thread-mention', h.connector.serviceUrl, {
      ...thread,
      text: 'sounds good, thanks Bob! lunch at noon?',
      entities: [],
    });
    expect((await h.teams.post(chatter)).status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
    // Mentioned, the same words get an answer: the user is talking to the bot.
    await h.teams.post(
      activity('channel-thread-mention', h.connector.serviceUrl, {
        ...thread,
        text: '<at>ECS vs EKS</at> lunch at noon?',
      }),
    );
    expect(h.connector.calls).toHaveLength(2);
    expect(h.connector.calls[1]!.path).toContain(`%3Bmessageid%3D${root}/activities/`);
  });

  it('answers a group chat @mention, and ignores group messages without one', async () => {
    const conversation = { conversation: { id: `19:${newId()}c1a9f0e2b3d4c5e6f7a8b9c0d1e2f3a@thread.v2` } };
    const msg = activity('group-chat-mention', h.connector.serviceUrl, conversation);
    await h.teams.post(msg);
    expect(h.connector.calls).toHaveLength(1);
    expect(h.connector.calls[0]!.path).toBe(
      `/amer/v3/conversations/${encodeURIComponent(msg.conversation.id)}/activities/${msg.id}`,
    );
    expect(cardOf(h.connector.calls[0]!).body[0].text).toMatch(/Help me choose/);

    await h.teams.post(
      activity('group-chat-mention', h.connector.serviceUrl, {
        ...conversation,
        text: 'lunch?',
        entities: [],
      }),
    );
    expect(h.connector.calls).toHaveLength(1);
  });

  it('handles a resent activity once (Teams retries slow turns)', async () => {
    const msg = activity('personal-message', h.connector.serviceUrl, personalConversation());
    expect((await h.teams.post(msg)).status).toBe(200);
    expect((await h.teams.post(msg)).status).toBe(200);
    expect(h.connector.calls).toHaveLength(1);
  });

  it('strips the bot mention wherever it is in the message', async () => {
    const msg = activity('channel-thread-mention', h.connector.serviceUrl, {
      conversation: { id: `${CHANNEL_ID};messageid=${newId()}` },
      text: 'compare networking <at>ECS vs EKS</at>',
      entities: [
        { type: 'mention', text: '<at>ECS vs EKS</at>', mentioned: { id: BOT_ID, name: 'ECS vs EKS' } },
      ],
    });
    await h.teams.post(msg);
    expect(cardOf(h.connector.calls[0]!).body[0].text).toMatch(/^Networking/);
  });

  it('refuses malformed bodies with 400 and keeps serving', async () => {
    const cases: Array<[string, string | object, number]> = [
      ['not JSON', '{"type": "message",', 400],
      ['no type (CloudAdapter.process would reject unanswered)', { text: 'hi', id: '1' }, 400],
      ['type of the wrong kind', { type: 42 }, 400],
      ['an array', [1, 2, 3], 400],
      ['a conversation without id', { type: 'message', conversation: {} }, 400],
      ['a from of the wrong shape', { type: 'message', from: 'me', serviceUrl: h.connector.serviceUrl }, 400],
      ['huge', JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) }), 413],
    ];
    for (const [what, body, status] of cases) {
      const res = await h.teams.post(body);
      expect(res.status, what).toBe(status);
      expect((await res.json()).error, what).toMatch(/\S/);
    }
    expect(h.connector.calls).toHaveLength(0);
    const ok = await h.teams.post(
      activity('personal-message', h.connector.serviceUrl, personalConversation()),
    );
    expect(ok.status).toBe(200);
  });

  it('in local mode, never replies to a serviceUrl outside this machine', async () => {
    const msg = activity('personal-message', 'https://smba.trafficmanager.net/amer/', personalConversation());
    const res = await h.teams.post(msg);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/local mode/);
  });

  it('in local mode, refuses requests relayed by a proxy or tunnel on this machine', async () => {
    // A tunnel (devtunnel, ngrok) or reverse proxy connects from 127.0.0.1 but says whom it relays for.
    const relayed: Array<Record<string, string>> = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9;proto=https' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const headers of relayed) {
      const msg = activity('personal-message', h.connector.serviceUrl, personalConversation());
      const res = await h.teams.post(msg, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error).toMatch(/only requests from this machine/);
    }
    expect(h.connector.calls).toHaveLength(0);
  });

  // A request from another machine, made for real through this host's LAN address when it has one.
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  it.skipIf(!lan)('in local mode, refuses requests that do not come from this machine', async () => {
    const open = await startTeams({ env: { HOST: '0.0.0.0' } });
    try {
      const url = open.url.replace('127.0.0.1', lan!);
      const msg = activity('personal-message', h.connector.serviceUrl, personalConversation());
      const res = await fetch(url, {
        method: 'POST',
        body: JSON.stringify(msg),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error).toMatch(/only requests from this machine/);
      expect(h.connector.calls).toHaveLength(0);
    } finally {
      await open.close();
    }
  });

  it('answers 429 with a retry after Retry-After, then delivers the reply', async () => {
    let throttled = 0;
    h.connector.override((call) => {
      if (call.method === 'POST' && call.path.includes('/activities/') && throttled++ === 0) {
        return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled' } } };
      }
      return undefined;
    });
    const msg = activity('personal-message', h.connector.serviceUrl, personalConversation());
    expect((await h.teams.post(msg)).status).toBe(200);
    expect(h.connector.calls.map((c) => c.method)).toEqual(['POST', 'POST']);
    expect(h.connector.calls[0]!.path).toBe(h.connector.calls[1]!.path);
    expect(cardOf(h.connector.calls[1]!).type).toBe('AdaptiveCard');
  });

  it('tells the user something went wrong, without internals, when a turn fails', async () => {
    const failing = await startTeams();
    const store = failing.brain.store;
    const originalGet = store.get.bind(store);
    store.get = async <T>(key: string): Promise<T | undefined> => {
      if (key.startsWith('ctx:')) throw new Error('redis: ECONNREFUSED 10.0.0.7:6379 password=hunter2');
      return originalGet<T>(key);
    };
    try {
      const res = await failing.post(
        activity('personal-message', h.connector.serviceUrl, personalConversation()),
      );
      expect(res.status).toBe(200);
      expect(h.connector.calls).toHaveLength(1);
      const text = h.connector.calls[0]!.body.text as string;
      expect(text).toMatch(/something went wrong/i);
      expect(text).not.toMatch(/redis|ECONNREFUSED|hunter2|Error/);
    } finally {
      await failing.close();
    }
  });
});
