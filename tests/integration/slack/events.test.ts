import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  BOT,
  blocksOf,
  buttonsOf,
  CHANNEL,
  type Json,
  type SlackHarness,
  startSlackHarness,
  textOf,
} from './harness.ts';

// Events API deliveries (JSON) -> thread answers via chat.postMessage, with the filters and dedupe that keep the
// bot from answering twice, answering bots, or answering edits.
describe('Slack events', () => {
  let h: SlackHarness;
  let seq = 0;
  /** A fresh thread parent ts per test, so tests do not share threads. */
  const newTs = () => `${1762000000 + ++seq * 100}.000100`;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  const postsIn = (threadTs: string) =>
    h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === threadTs);

  async function mention(ts: string, text: string, extra: Record<string, unknown> = {}) {
    const res = await h.event('event-app-mention', {
      ts,
      event_ts: ts,
      text: `<@${BOT.botUserId}> ${text}`,
      ...extra,
    });
    expect(res.status).toBe(200);
  }

  it('app_mention in a channel is answered in a thread under the message, mention stripped', async () => {
    const ts = newTs();
    await mention(ts, 'how does networking differ?');
    const post = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts,
      'thread answer',
    );
    expect(post.body.channel).toBe(CHANNEL);
    expect(post.authorization).toBe('Bearer xoxb-test-token');
    expect(blocksOf(post.body, 'header')[0]?.text.text).toMatch(/Networking/);
    expect(post.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(String(post.body.text)).toMatch(/^Networking/);
    // A public card in a thread: no Share button, feedback buttons present.
    const labels = buttonsOf(post.body).map((b) => b.text.text);
    expect(labels).not.toContain('Share in channel');
    expect(labels).toEqual(expect.arrayContaining([':+1: Helpful', ':-1: Not helpful']));
  });

  it('a thread follow-up without a mention is answered with the thread context', async () => {
    const ts = newTs();
    await mention(ts, 'what is eks auto mode');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 'first answer');
    const reply = `${Number(ts) + 1}`;
    await h.event('event-message', { text: 'why?', ts: reply, event_ts: reply, thread_ts: ts });
    const second = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts && postsIn(ts).indexOf(c) === 1,
      'follow-up answer',
    );
    // "why?" alone means nothing; the thread's last topic (Auto Mode) makes it an answer.
    expect(blocksOf(second.body, 'header')[0]?.text.text).toMatch(/^Why: .*Auto Mode/);
  });

  it('stays out of threads it is not part of, and off-topic chatter in its threads', async () => {
    const stranger = newTs();
    await h.event('event-message', {
      text: 'how does networking differ?',
      ts: `${stranger}1`,
      thread_ts: stranger,
    });
    await h.logs.waitFor((l) => l.fields?.reason === 'thread the bot is not part of', 'not-part-of decision');
    const ts = newTs();
    await mention(ts, 'networking');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 'answer');
    await h.event('event-message', { text: 'lunch at noon, anyone?', ts: `${ts}9`, thread_ts: ts });
    await h.logs.waitFor((l) => l.fields?.reason === 'not about ECS or EKS', 'quiet decision');
    expect(postsIn(stranger)).toEqual([]);
    expect(postsIn(ts)).toHaveLength(1);
  });

  it('dedupes Events API retries and the app_mention + message double delivery, but answers a lone retry', async () => {
    const ts = newTs();
    const text = `<@${BOT.botUserId}> what does the eks control plane cost?`;
    await h.event('event-app-mention', { ts, text }, { event_id: 'EvDUP1' });
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 'answer');
    // Slack retries the same event_id ...
    const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
    await h.event('event-app-mention', { ts, text }, { event_id: 'EvDUP1' }, retry);
    await h.logs.waitFor((l) => l.fields?.event_id === 'EvDUP1' && l.fields?.retry === 1, 'retry dropped');
    // ... and a mention in the thread arrives twice, as app_mention and as message (other event_ids).
    const inThread = `${ts}1`;
    const followUp = { ts: inThread, thread_ts: ts, text: `<@${BOT.botUserId}> why?` };
    await h.event('event-message', followUp, { event_id: 'EvDUP2' });
    await h.event('event-app-mention', followUp, { event_id: 'EvDUP3' });
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && postsIn(ts).indexOf(c) === 1, 'follow-up');
    // The same message under yet another event_id is caught by channel+ts.
    await h.event('event-app-mention', followUp, { event_id: 'EvDUP4' });
    await h.logs.waitFor(
      (l) => l.fields?.event_id === 'EvDUP4' && l.fields?.reason === 'duplicate',
      'ts dedupe',
    );
    // A retry whose first delivery never reached us is the only copy: it is answered.
    const lone = newTs();
    await h.event(
      'event-app-mention',
      { ts: lone, text },
      { event_id: 'EvLONE' },
      { 'x-slack-retry-num': '2' },
    );
    await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === lone,
      'lone retry answer',
    );
    expect(postsIn(ts)).toHaveLength(2);
  });

  it('ignores other bots, edits, deletions and other subtypes', async () => {
    const ts = newTs();
    await mention(ts, 'networking');
    await h.fake.waitFor((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts, 'answer');
    const thread = { thread_ts: ts, channel_type: 'channel' };
    await h.event('event-message', {
      ...thread,
      text: 'why?',
      ts: `${ts}1`,
      user: 'U0OTHER',
      bot_id: 'B0OTHER',
    });
    await h.logs.waitFor((l) => l.fields?.reason === 'bot', 'other bot ignored');
    await h.event('event-message', {
      ...thread,
      subtype: 'message_changed',
      ts: `${ts}2`,
      message: { text: 'why?', user: ALICE, ts: `${ts}2` },
    });
    await h.logs.waitFor((l) => l.fields?.subtype === 'message_changed', 'edit ignored');
    await h.event('event-message', { ...thread, subtype: 'message_deleted', ts: `${ts}3`, text: undefined });
    await h.logs.waitFor((l) => l.fields?.subtype === 'message_deleted', 'deletion ignored');
    await h.event('event-message', { ...thread, subtype: 'channel_join', ts: `${ts}4`, text: 'joined' });
    await h.logs.waitFor((l) => l.fields?.subtype === 'channel_join', 'join ignored');
    await h.event('event-app-mention', { ts: `${ts}5`, text: `<@${BOT.botUserId}> why?`, bot_id: 'B0OTHER' });
    await h.logs.waitFor((l) => l.fields?.reason === 'bot, edit or other subtype', 'bot mention ignored');
    expect(postsIn(ts)).toHaveLength(1);
  });

  it('a DM works the same way: answered in place, follow-ups use the conversation', async () => {
    const dm = { channel: 'D0ALICE', channel_type: 'im', thread_ts: undefined };
    const first = newTs();
    await h.event('event-message', { ...dm, text: 'how does scaling work?', ts: first });
    const a = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ALICE',
      'DM answer',
    );
    expect(a.body.thread_ts).toBeUndefined();
    await h.event('event-message', { ...dm, text: 'more detail', ts: `${first}1` });
    const b = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ALICE' && c !== a,
      'DM follow-up',
    );
    // "more detail" alone means nothing; the DM's last topic makes it an answer.
    expect(blocksOf(a.body, 'header')[0]?.text.text).toMatch(/^Scaling/);
    expect(blocksOf(b.body, 'header')[0]?.text.text).toMatch(/^Scaling/);
    expect(textOf(b.body)).toMatch(/More detail/);
  });

  it('a DM reply in the thread of an answer continues the DM conversation there', async () => {
    const dm = { channel: 'D0BOB', channel_type: 'im', user: 'U0BOB' };
    const first = newTs();
    await h.event('event-message', { ...dm, thread_ts: undefined, text: 'what is eks auto mode', ts: first });
    const answer = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0BOB',
      'DM answer',
    );
    const answerTs = String(answer.response?.ts);
    // "Reply in thread" on the bot's answer: the thread starts there, with what the DM was about.
    await h.event('event-message', { ...dm, text: 'why?', ts: `${first}7`, thread_ts: answerTs });
    const why = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0BOB' && c.body.thread_ts === answerTs,
      'answer in the DM thread',
    );
    expect(blocksOf(why.body, 'header')[0]?.text.text).toMatch(/^Why: .*Auto Mode/);
  });

  it('an estimate asked in a thread is shown only to the asker until they post it', async () => {
    const ts = newTs();
    await mention(ts, 'cost 4 tasks 0.5 vCPU 1 GB');
    const eph = await h.fake.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.body.thread_ts === ts,
      'ephemeral estimate',
    );
    expect(eph.body).toMatchObject({ channel: CHANNEL, user: ALICE });
    expect(buttonsOf(eph.body).map((b) => b.text.text)).toContain('Post to thread');
    expect(postsIn(ts)).toEqual([]);
  });

  it('publishes the App Home when its tab is opened', async () => {
    await h.event('event-app-home-opened', { tab: 'messages' });
    await h.event('event-app-home-opened', {});
    const publish = await h.fake.waitFor((c) => c.method === 'views.publish', 'views.publish');
    expect(publish.body.user_id).toBe(ALICE);
    const view = publish.body.view as { type: string; blocks: Json[] };
    expect(view.type).toBe('home');
    const labels = view.blocks
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements.map((e: Json) => e.text.text));
    expect(labels).toEqual(expect.arrayContaining(['Overview', 'Estimate cost', 'Help me choose']));
    expect(JSON.stringify(view.blocks)).toMatch(/Examples/);
    expect(h.fake.of('views.publish')).toHaveLength(1);
  });
});
