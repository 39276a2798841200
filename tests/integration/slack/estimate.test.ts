import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COST_FORM_FIELDS } from '../../../src/forms/cost-form.ts';
import {
  ALICE,
  BOT,
  blocksOf,
  buttonsOf,
  type Call,
  CHANNEL,
  type Json,
  type SlackHarness,
  startSlackHarness,
  TEAM,
  textOf,
} from './harness.ts';

type Values = Record<string, Record<string, Record<string, unknown>>>;

/** view.state.values as Slack sends them for our modal. */
function formValues(values: Record<string, string>, channel?: string): Values {
  const state: Values = {};
  for (const spec of COST_FORM_FIELDS) {
    const v = values[spec.id];
    const el =
      spec.kind === 'choice'
        ? {
            type: 'static_select',
            selected_option: v ? { value: v, text: { type: 'plain_text', text: v } } : null,
          }
        : { type: spec.kind === 'number' ? 'number_input' : 'plain_text_input', value: v ?? null };
    state[spec.id] = { [spec.id]: el };
  }
  state.post_channel = {
    post_channel: { type: 'conversations_select', selected_conversation: channel ?? null },
  };
  return state;
}

describe('Slack cost estimates', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  /** The private estimate card a command produced, and the button values on it. */
  async function privateEstimate(text = 'cost 10 tasks with 1 vCPU and 2 GB on fargate'): Promise<Call> {
    const { respond } = await h.command(text);
    return h.fake.waitFor((c) => c.method === respond, 'private estimate');
  }

  it('"Estimate cost" opens the modal at once with every form field and a channel picker', async () => {
    const { respond } = await h.command('');
    const overview = await h.fake.waitFor((c) => c.method === respond, 'overview');
    const estimate = buttonsOf(overview.body).find((b) => b.text.text === 'Estimate cost')!;
    const { res } = await h.click({
      action_id: estimate.action_id,
      value: estimate.value,
      text: estimate.text,
    });
    expect(res.status).toBe(200);
    const open = await h.fake.waitFor((c) => c.method === 'views.open', 'views.open');
    expect(open.body.trigger_id).toBe('1761000400.222.def');
    const view = open.body.view as {
      callback_id: string;
      blocks: Json[];
      private_metadata: string;
    };
    expect(view.callback_id).toBe('cost_estimate');
    const inputs = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs).toEqual([...COST_FORM_FIELDS.map((f) => f.id), 'post_channel']);
    const picker = view.blocks.find((b) => b.block_id === 'post_channel')!;
    expect(picker.element).toMatchObject({ type: 'conversations_select', response_url_enabled: true });
    expect(picker.optional).toBe(true);
    // The private card's response_url travels with the modal, so a private estimate can come back there.
    expect(JSON.parse(view.private_metadata)).toMatchObject({ k: `slack:${TEAM}:${CHANNEL}:user-${ALICE}` });
  });

  it('invalid input comes back next to each field (response_action: errors) and nothing is posted', async () => {
    const before = h.fake.calls.length;
    const res = await h.submit({
      private_metadata: JSON.stringify({ k: `slack:${TEAM}:${CHANNEL}:user-${ALICE}` }),
      state: { values: formValues({ compute: 'ec2', tasks: 'lots', vcpu: '3', region: 'mars-1' }) },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(expect.arrayContaining(['tasks', 'region', 'instanceType']));
    expect(body.errors.tasks).toMatch(/number/i);
    expect(body.errors.instanceType).toMatch(/instance type/i);
    expect(h.fake.calls.length).toBe(before);
  });

  it('valid input without a channel: the estimate comes back privately where the form was opened', async () => {
    const responseUrl = h.fake.responseUrl('modal-private');
    const res = await h.submit({
      private_metadata: JSON.stringify({
        k: `slack:${TEAM}:${CHANNEL}:user-${ALICE}`,
        c: CHANNEL,
        u: responseUrl,
      }),
      state: {
        values: formValues({
          compute: 'fargate',
          tasks: '6',
          vcpu: '0.5',
          memoryGb: '1',
          region: 'us-east-1',
        }),
      },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(''); // the modal closes
    const post = await h.fake.waitFor((c) => c.method === 'respond:modal-private', 'private estimate');
    expect(post.body.response_type).toBe('ephemeral');
    expect(blocksOf(post.body, 'header')[0]?.text.text).toMatch(/Monthly cost estimate/);
    expect(textOf(post.body)).toMatch(/6 tasks/);
    expect(buttonsOf(post.body).map((b) => b.text.text)).toContain('Post to channel');
  });

  it('a channel picked in the modal gets the estimate card through its response_url', async () => {
    const picked = h.fake.responseUrl('picked-channel');
    await h.submit(
      {
        private_metadata: JSON.stringify({ k: `slack:${TEAM}:${CHANNEL}:user-${ALICE}` }),
        state: {
          values: formValues({ compute: 'ec2', instanceType: 'm6i.large', nodes: '3' }, 'C0TEAMCOST'),
        },
      },
      {
        response_urls: [
          {
            block_id: 'post_channel',
            action_id: 'post_channel',
            channel_id: 'C0TEAMCOST',
            response_url: picked,
          },
        ],
      },
    );
    const post = await h.fake.waitFor((c) => c.method === 'respond:picked-channel', 'channel post');
    expect(post.body.response_type).toBe('in_channel');
    expect(textOf(post.body)).toMatch(/m6i\.large/);
    expect(textOf(post.body)).toContain(`Shared by <@${ALICE}>`);
    expect(String(post.body.text)).toMatch(/Monthly cost estimate/);
  });

  it('"Post to channel" posts the private estimate in the channel, and its thread re-prices follow-ups', async () => {
    const card = await privateEstimate();
    const post = buttonsOf(card.body).find((b) => b.text.text === 'Post to channel')!;
    const { respond } = await h.click({ action_id: post.action_id, value: post.value, text: post.text });
    const posted = await h.fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' && c.body.channel === CHANNEL && /Shared by/.test(textOf(c.body)),
      'estimate posted to channel',
    );
    expect(blocksOf(posted.body, 'header')[0]?.text.text).toMatch(/Monthly cost estimate/);
    expect(posted.body.thread_ts).toBeUndefined();
    // The private copy is replaced by the shared one.
    const cleanup = await h.fake.waitFor((c) => c.method === respond, 'delete_original');
    expect(cleanup.body).toEqual({ delete_original: true });
    // Someone asks a what-if in the new message's thread, without a mention: the bot knows the estimate.
    const ts = String(posted.response?.ts);
    await h.event('event-message', { text: 'make it 20 tasks', ts: `${ts}9`, thread_ts: ts, user: 'U0BOB' });
    const whatIf = await h.fake.waitFor(
      (c) => c.method === 'chat.postEphemeral' && c.body.thread_ts === ts,
      'what-if in the thread',
    );
    expect(whatIf.body.user).toBe('U0BOB');
    expect(textOf(whatIf.body)).toMatch(/20 tasks/);
    expect(textOf(whatIf.body)).toMatch(/What changed/);
  });

  it('not_in_channel: the user is told to invite the bot, and the estimate is kept privately', async () => {
    h.fake.on('chat.postMessage', (body) =>
      body.channel === 'C0NOTMEMBER'
        ? { json: { ok: false, error: 'not_in_channel' } }
        : { json: { ok: true, ts: '1.2' } },
    );
    const { respond } = await h.command('cost 3 m5.large nodes', { channel_id: 'C0NOTMEMBER' });
    const card = await h.fake.waitFor((c) => c.method === respond, 'private estimate');
    const post = buttonsOf(card.body).find((b) => b.text.text === 'Post to channel')!;
    const click = await h.click(
      { action_id: post.action_id, value: post.value, text: post.text },
      {
        channel: { id: 'C0NOTMEMBER', name: 'finance' },
        container: { type: 'message', message_ts: '1.1', channel_id: 'C0NOTMEMBER', is_ephemeral: true },
      },
    );
    const help = await h.fake.waitFor((c) => c.method === click.respond, 'instructions');
    expect(help.body.response_type).toBe('ephemeral');
    expect(help.body.replace_original).toBe(false); // the earlier private card stays too
    expect(blocksOf(help.body)[0]?.text.text).toMatch(/not a member.*`\/invite`/s);
    expect(blocksOf(help.body)[0]?.text.text).toContain(`<@${BOT.botUserId}>`);
    expect(String(help.body.text)).toMatch(/invite/i);
    expect(blocksOf(help.body, 'header')[0]?.text.text).toMatch(/Monthly cost estimate/);
    expect(textOf(help.body)).toMatch(/m5\.large/);
    expect(buttonsOf(help.body).map((b) => b.text.text)).toContain('Post to channel');
    h.fake.on('chat.postMessage', () => ({ json: { ok: true, ts: `${Date.now()}.000001` } }));
  });

  it('a double click on "Post to channel" posts once; a refused post can be tried again', async () => {
    let refusals = 1;
    h.fake.on('chat.postMessage', (body) =>
      body.channel === 'C0LATER' && refusals-- > 0
        ? { json: { ok: false, error: 'not_in_channel' } }
        : { json: { ok: true, channel: body.channel, ts: `${Date.now()}.000002` } },
    );
    const inChannel = (channel: string) => ({
      channel: { id: channel, name: 'finance' },
      container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: true },
    });
    const postsTo = (channel: string) =>
      h.fake.of('chat.postMessage').filter((c) => c.body.channel === channel && c.response?.ok === true);
    try {
      const card = await privateEstimate('cost 4 tasks with 1 vCPU and 2 GB');
      const post = buttonsOf(card.body).find((b) => b.text.text === 'Post to channel')!;
      const action = { action_id: post.action_id, value: post.value, text: post.text };
      // Two clicks in quick succession (Slack buttons do not disable themselves).
      const clicks = await Promise.all([
        h.click(action, inChannel('C0TWICE')),
        h.click(action, inChannel('C0TWICE')),
      ]);
      const answers = await Promise.all(
        clicks.map((c) => h.fake.waitFor((x) => x.method === c.respond, 'answer to a click')),
      );
      expect(postsTo('C0TWICE')).toHaveLength(1);
      const note = answers.find((a) => a.body.delete_original !== true)!;
      expect(note.body.response_type).toBe('ephemeral');
      expect(String(note.body.text)).toMatch(/already posted/i);

      // Refused first (the bot is not invited yet), then pressed again after the invite: it posts.
      const later = await privateEstimate('cost 5 tasks with 1 vCPU and 2 GB');
      const again = buttonsOf(later.body).find((b) => b.text.text === 'Post to channel')!;
      const retryAction = { action_id: again.action_id, value: again.value, text: again.text };
      const first = await h.click(retryAction, inChannel('C0LATER'));
      await h.fake.waitFor((c) => c.method === first.respond, 'invite instructions');
      const second = await h.click(retryAction, inChannel('C0LATER'));
      await h.fake.waitFor((c) => c.method === second.respond, 'delete_original after the post');
      expect(postsTo('C0LATER')).toHaveLength(1);
    } finally {
      h.fake.on('chat.postMessage', (body) => ({
        json: { ok: true, channel: body.channel, ts: `${Date.now()}.000001` },
      }));
    }
  });

  it('Export CSV sends the estimate as copyable text, privately', async () => {
    const card = await privateEstimate('cost 2 tasks 0.25 vCPU 0.5 GB');
    const csv = buttonsOf(card.body).find((b) => b.text.text === 'Export CSV')!;
    const { respond } = await h.click({ action_id: csv.action_id, value: csv.value, text: csv.text });
    const sent = await h.fake.waitFor((c) => c.method === respond, 'export');
    expect(sent.body.response_type).toBe('ephemeral');
    expect(blocksOf(sent.body, 'header')[0]?.text.text).toMatch(/\.csv$/);
    expect(blocksOf(sent.body, 'section')[0]?.text.text).toMatch(/^```\n.*,/s);
  });
});
