import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFeedback } from '../../../src/feedback.ts';
import {
  ALICE,
  BOT,
  blocksOf,
  buttonsOf,
  CHANNEL,
  type SlackHarness,
  startSlackHarness,
  TEAM,
  textOf,
} from './harness.ts';

// Buttons on cards (block_actions) and the feedback modal, end to end.
describe('Slack buttons and feedback', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  async function privateCard(text: string) {
    const { respond } = await h.command(text);
    return (await h.fake.waitFor((c) => c.method === respond, `card for ${text}`)).body;
  }
  const press = (card: Record<string, unknown>, label: string, patch: Record<string, unknown> = {}) => {
    const b = buttonsOf(card).find((x) => x.text.text === label);
    if (!b) throw new Error(`no button ${label}`);
    return h.click({ action_id: b.action_id, value: b.value, text: b.text }, patch);
  };

  it('a topic button on a private card answers privately, continuing that context', async () => {
    const overview = await privateCard('');
    const topic = buttonsOf(overview).find((b) => String(b.action_id).startsWith('reply:topic:'))!;
    const { respond } = await press(overview, topic.text.text);
    const answer = await h.fake.waitFor((c) => c.method === respond, 'topic answer');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocksOf(answer.body, 'header')[0]?.text.text).toBeTruthy();
    // "Why?" on that answer is about the same topic.
    const why = await press(answer.body, 'Why?');
    const whyAnswer = await h.fake.waitFor((c) => c.method === why.respond, 'why answer');
    expect(blocksOf(whyAnswer.body, 'header')[0]?.text.text).toMatch(/^Why: /);
  });

  it('"More detail" on a public thread card answers in that thread', async () => {
    const ts = '1763000000.000100';
    await h.event('event-app-mention', { ts, text: `<@${BOT.botUserId}> networking` });
    const card = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts,
      'card',
    );
    const more = buttonsOf(card.body).find((b) => b.text.text === 'More detail')!;
    await h.click(
      { action_id: more.action_id, value: more.value, text: more.text },
      {
        container: {
          type: 'message',
          message_ts: '1763000001.000100',
          channel_id: CHANNEL,
          is_ephemeral: false,
        },
        message: { type: 'message', ts: '1763000001.000100', thread_ts: ts, text: 'Networking' },
      },
    );
    const detail = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts && /More detail/.test(textOf(c.body)),
      'detail in thread',
    );
    expect(detail.body.channel).toBe(CHANNEL);
  });

  it('App Home buttons answer in the DM with the bot', async () => {
    const home = {
      container: { type: 'view', view_id: 'V0HOME' },
      channel: undefined,
      view: { id: 'V0HOME', type: 'home' },
    };
    await h.event('event-app-home-opened', {}); // tells us the DM channel, D0ALICE
    await h.fake.waitFor((c) => c.method === 'views.publish', 'home published');
    await h.click(
      { action_id: 'reply:recommend:2', text: { type: 'plain_text', text: 'Help me choose' } },
      home,
    );
    const dm = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ALICE',
      'DM answer',
    );
    expect(blocksOf(dm.body, 'header')[0]?.text.text).toMatch(/Help me choose/);
    // The DM continues it: an answer there uses the recommendation questions just asked.
    await h.event('event-message', {
      channel: 'D0ALICE',
      channel_type: 'im',
      thread_ts: undefined,
      ts: '1763000100.000100',
      text: 'small team, no kubernetes experience, all on AWS',
    });
    const next = await h.fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.body.channel === 'D0ALICE' && c !== dm,
      'DM follow-up',
    );
    expect(blocksOf(next.body, 'header')[0]?.text.text).toMatch(/Recommendation|Help me choose/);
  });

  it('👍 is recorded once per answer and user, with a private thank-you', async () => {
    const card = await privateCard('what is ecs express mode');
    const first = await press(card, ':+1: Helpful');
    expect((await h.fake.waitFor((c) => c.method === first.respond, 'thanks')).body.text).toMatch(/Thanks/);
    const second = await press(card, ':+1: Helpful');
    expect((await h.fake.waitFor((c) => c.method === second.respond, 'already')).body.text).toMatch(
      /already/,
    );
    const entries = (await listFeedback(h.store)).filter((e) => e.vote === 'up');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      platform: 'slack',
      user: ALICE,
      intent: 'topic',
      threadKey: `slack:${TEAM}:${CHANNEL}:user-${ALICE}`,
    });
  });

  it('👎 opens a small modal; the reason is stored with the vote, and closing it still counts', async () => {
    const modalOf = (c: { body: Record<string, unknown> }) =>
      c.body.view as { callback_id: string; private_metadata: string; notify_on_close: boolean };
    const card = await privateCard('how do ecs and eks handle secrets?');
    const click = await press(card, ':-1: Not helpful');
    const open = await h.fake.waitFor(
      (c) => c.method === 'views.open' && modalOf(c).callback_id === 'feedback_reason',
      'feedback modal',
    );
    expect(modalOf(open).notify_on_close).toBe(true);
    const res = await h.submit({
      callback_id: 'feedback_reason',
      private_metadata: modalOf(open).private_metadata,
      state: {
        values: {
          reason: { reason: { type: 'plain_text_input', value: '  Missing the Secrets Manager price  ' } },
        },
      },
    });
    expect(res.status).toBe(200);
    // The thank-you goes to the card's response_url after the vote is stored.
    const thanks = await h.fake.waitFor((c) => c.method === click.respond, 'thanks');
    expect(String(thanks.body.text)).toMatch(/Thanks for the feedback/);
    const down = (await listFeedback(h.store)).filter((e) => e.vote === 'down');
    expect(down).toEqual([
      expect.objectContaining({ reason: 'Missing the Secrets Manager price', user: ALICE }),
    ]);

    // Closing the modal of another answer records a 👎 without a reason.
    const other = await privateCard('what about spot?');
    const click2 = await press(other, ':-1: Not helpful');
    const second = await h.fake.waitFor(
      (c) => c.method === 'views.open' && c !== open && modalOf(c).callback_id === 'feedback_reason',
      'second modal',
    );
    await h.submit(
      { callback_id: 'feedback_reason', private_metadata: modalOf(second).private_metadata },
      { type: 'view_closed', is_cleared: false },
    );
    await h.fake.waitFor((c) => c.method === click2.respond, 'thanks after close');
    const votes = (await listFeedback(h.store)).filter((e) => e.vote === 'down');
    expect(votes).toHaveLength(2);
    expect(votes[1]?.reason).toBeUndefined();
    expect(votes[1]?.topics).toEqual(['spot']);
  });

  it('unknown or forged button ids and values are acknowledged and dropped, never crash', async () => {
    const before = h.fake.calls.length;
    const unknown = await h.click({
      action_id: 'delete_everything',
      value: 'x',
      text: { type: 'plain_text', text: 'x' },
    });
    expect(unknown.res.status).toBe(200);
    const forged = await h.click({
      action_id: 'share',
      value: '{"r":"../../etc/passwd"}',
      text: { type: 'plain_text', text: 'Share' },
    });
    const note = await h.fake.waitFor((c) => c.method === forged.respond, 'expired note');
    expect(String(note.body.text)).toMatch(/no longer stored/);
    expect(h.fake.calls.slice(before).map((c) => c.method)).toEqual([forged.respond]);
  });
});
