import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBlocks } from '../../../adapters/slack/limits.ts';
import {
  ALICE,
  blocksOf,
  buttonsOf,
  CHANNEL,
  type SlackHarness,
  startSlackHarness,
  textOf,
} from './harness.ts';

// `/ecs-vs-eks [text]` end to end: signed form post -> Bolt -> brain -> response_url, asserted on what Slack gets.
describe('/ecs-vs-eks', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(() => h.close());

  async function run(text: string) {
    const { res, respond } = await h.command(text);
    // The HTTP answer is the bare ack; the answer itself arrives through the response_url.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    return (await h.fake.waitFor((c) => c.method === respond, `answer to "${text}"`)).body;
  }

  it('empty text: the private overview card with topic, estimate and help-me-choose buttons', async () => {
    const body = await run('');
    expect(body.response_type).toBe('ephemeral');
    expect(body.replace_original).toBe(false);
    expect(body).toMatchObject({ unfurl_links: false, unfurl_media: false });
    expect(blocksOf(body, 'header')[0]?.text.text).toMatch(/ECS vs Amazon EKS/);
    expect(String(body.text)).toMatch(/ECS:/); // plain-text fallback for notifications and screen readers
    // Every dimension in short: two fields per row.
    const fields = blocksOf(body, 'section').flatMap((b) => b.fields ?? []);
    expect(fields.length).toBeGreaterThanOrEqual(20);
    const buttons = buttonsOf(body);
    const ids = buttons.map((b) => b.action_id as string);
    expect(ids.filter((id) => id.startsWith('reply:topic:')).length).toBeGreaterThanOrEqual(4);
    expect(buttons.find((b) => b.text.text === 'Estimate cost')?.action_id).toMatch(/^estimate:/);
    expect(buttons.find((b) => b.text.text === 'Help me choose')?.action_id).toMatch(/^reply:recommend:/);
    expect(buttons.find((b) => b.text.text === 'Share in channel')?.action_id).toBe('share');
    expect(checkBlocks(blocksOf(body) as never)).toEqual([]);
  });

  it('help: usage with examples', async () => {
    const body = await run('help');
    expect(blocksOf(body, 'header')[0]?.text.text).toBe('What I can do');
    expect(textOf(body)).toMatch(/Examples/);
    expect(textOf(body)).toMatch(/cost 10 tasks/);
  });

  it('a question: a focused answer with ECS/EKS fields, sources with as-of dates, and Share', async () => {
    const body = await run('how does networking differ?');
    expect(body.response_type).toBe('ephemeral');
    expect(blocksOf(body, 'header')[0]?.text.text).toMatch(/Networking/);
    const fields = blocksOf(body, 'section').flatMap((b) => b.fields ?? []);
    expect(fields.map((f) => f.text.split('\n')[0])).toEqual(['*ECS*', '*EKS*']);
    const sources = blocksOf(body, 'context').find((b) => b.elements[0].text.startsWith('*Sources*'));
    expect(sources?.elements[0].text).toMatch(/<https:\/\/[^|]+\|[^>]+> · as of \d{4}-\d{2}-\d{2}/);
    expect(buttonsOf(body).map((b) => b.text.text)).toContain('Share in channel');
  });

  it('cost …: a private estimate from the cost engine, with Post to channel and CSV/JSON export', async () => {
    const body = await run('cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1');
    expect(body.response_type).toBe('ephemeral');
    expect(blocksOf(body, 'header')[0]?.text.text).toMatch(/Monthly cost estimate/);
    expect(textOf(body)).toMatch(/\$\d[\d,]*\.\d\d\/month/);
    expect(textOf(body)).toMatch(/Prices as of \d{4}-\d{2}-\d{2}/);
    const labels = buttonsOf(body).map((b) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(['Post to channel', 'Export CSV', 'Export JSON']));
  });

  it('follow-up commands continue the same private context (what-if on the last estimate)', async () => {
    await run('cost 10 tasks with 1 vCPU and 2 GB on fargate');
    const body = await run('make it 20 tasks');
    expect(textOf(body)).toMatch(/20 tasks/);
    expect(textOf(body)).toMatch(/What changed/);
  });

  it('share <question>: answers in the channel, saying who shared it', async () => {
    const body = await run('share what is eks auto mode');
    expect(body.response_type).toBe('in_channel');
    expect(blocksOf(body, 'header')[0]?.text.text).toMatch(/Auto Mode/);
    expect(textOf(body)).toContain(`Shared by <@${ALICE}>`);
    expect(buttonsOf(body).map((b) => b.text.text)).not.toContain('Share in channel');
  });

  it('cost with nothing else opens the estimate form right away', async () => {
    const { res } = await h.command('cost');
    expect(res.status).toBe(200);
    const open = await h.fake.waitFor((c) => c.method === 'views.open', 'views.open');
    expect(open.body.trigger_id).toBe('1761000300.111.abc');
    expect(open.authorization).toBe('Bearer xoxb-test-token');
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('cost_estimate');
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      c: CHANNEL,
      k: `slack:T0TEAM:${CHANNEL}:user-${ALICE}`,
    });
  });

  it('never answers a command with chat.postMessage (it fails where the bot is not a member)', () => {
    expect(h.fake.of('chat.postMessage')).toEqual([]);
  });
});
