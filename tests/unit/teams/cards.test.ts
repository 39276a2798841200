// Every card the Teams adapter can send, validated with the adaptivecards library at schema 1.5, within the
// 28 KB budget, with a text fallback; plus the limits and rules the builders enforce.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AdaptiveCard,
  cardBytes,
  escapeMarkdown,
  type Scope,
} from '../../../adapters/teams/card-elements.ts';
import { type RenderedReply, renderReplyCard } from '../../../adapters/teams/cards.ts';
import { channelPickerCard, costFormCard, welcomeCard } from '../../../adapters/teams/form-cards.ts';
import { MAX_ACTIONS_PER_SET, MAX_BUTTON_CHARS, MAX_CARD_BYTES } from '../../../adapters/teams/limits.ts';
import type { Reply } from '../../../src/core/types.ts';
import { validateCostForm } from '../../../src/forms/cost-form.ts';
import { testBrain } from '../../helpers/brain.ts';
import { cardProblems } from './card-validator.ts';

const REPLY_ID = '6f9619ff-8b86-4011-b42d-00c04fc964ff';
const SCOPES: Scope[] = ['personal', 'groupChat', 'channel'];

// biome-ignore lint/suspicious/noExplicitAny: walking arbitrary card JSON
type Node = any;

function walk(node: Node, visit: (n: Node) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

function all(card: AdaptiveCard, type: string): Node[] {
  const out: Node[] = [];
  walk(card, (n) => {
    if (n.type === type) out.push(n);
  });
  return out;
}

function expectCard(rendered: RenderedReply): AdaptiveCard {
  if (rendered.kind !== 'card') throw new Error('expected a card, got text');
  return rendered.card;
}

/** The checks every card must pass. */
function expectSendable(card: AdaptiveCard, what: string): void {
  expect(cardProblems(card), what).toEqual([]);
  expect(card.version, what).toBe('1.5');
  expect(cardBytes(card), what).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(card.fallbackText?.length, what).toBeGreaterThan(20);
  for (const set of all(card, 'ActionSet'))
    expect(set.actions.length, what).toBeLessThanOrEqual(MAX_ACTIONS_PER_SET);
  for (const action of [...all(card, 'Action.Submit'), ...all(card, 'Action.ShowCard')]) {
    expect(action.title.length, what).toBeLessThanOrEqual(MAX_BUTTON_CHARS);
  }
  for (const submit of all(card, 'Action.Submit')) {
    expect(submit.data, what).toBeTypeOf('object'); // Teams drops string data
    expect(submit.data.verb, what).toBeTypeOf('string');
  }
}

describe('Teams cards', () => {
  const replies: Record<string, Reply> = {};

  beforeAll(async () => {
    const { ask, thread } = testBrain();
    const questions: Record<string, string> = {
      overview: 'ecs vs eks',
      topic: 'how does networking work?',
      help: 'help',
      unknown: 'what is the weather?',
      clarify: 'limits',
      recommendAsk: 'which should we choose?',
      recommendPick: 'which should we choose? small team, no kubernetes experience, all on aws',
      costPrompt: 'cost',
      costProblem: 'cost 3 tasks with 0.5 vCPU and 16 GB',
      fargateEstimate: 'cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
      ec2Estimate: 'cost 3 m6i.large nodes with 2 clusters on extended support',
      tooLong: `networking ${'x'.repeat(5000)}`,
    };
    for (const [name, q] of Object.entries(questions)) replies[name] = await ask(q);
    const t = thread();
    await t.say('networking');
    replies.more = await t.say('more detail');
    replies.why = await t.say('why?');
    replies.side = await t.say('and on EKS?');
    const c = thread();
    await c.say('cost 10 tasks with 1 vCPU and 2 GB on fargate');
    replies.whatIf = await c.say('make it 20 tasks in eu-west-1');
  });

  it('renders every kind of reply as a valid 1.5 card within 28 KB, in every scope', () => {
    expect(Object.keys(replies)).toHaveLength(16);
    for (const [name, reply] of Object.entries(replies)) {
      for (const scope of SCOPES) {
        for (const extra of [{}, { posted: true }, { feedback: 'down' as const }]) {
          const card = expectCard(renderReplyCard(reply, { scope, replyId: REPLY_ID, ...extra }));
          expectSendable(card, `${name} in ${scope} ${JSON.stringify(extra)}`);
        }
      }
    }
  });

  it('shows the ECS and EKS sides, the verdict and dated sources', () => {
    const card = expectCard(renderReplyCard(replies.topic!, { scope: 'personal', replyId: REPLY_ID }));
    const json = JSON.stringify(card);
    expect(all(card, 'ColumnSet').length).toBeGreaterThanOrEqual(2);
    expect(json).toContain('Amazon ECS');
    expect(json).toContain('**Verdict:**');
    const source = replies.topic!.sources[0]!;
    expect(json).toContain(`(${source.url}) (as of ${source.asOf})`);
  });

  it('keeps the overview (the largest answer) complete: every row and every source', () => {
    const overview = replies.overview!;
    const card = expectCard(renderReplyCard(overview, { scope: 'personal', replyId: REPLY_ID }));
    const json = JSON.stringify(card);
    for (const row of overview.rows) expect(json).toContain(escapeMarkdown(row.ecs));
    for (const s of overview.sources) expect(json).toContain(s.url);
    expect(all(card, 'Action.ShowCard').some((a) => /more sources/.test(a.title))).toBe(true);
  });

  it('offers "Post to channel" where it makes sense', () => {
    const hasPost = (reply: Reply, scope: Scope, posted = false) =>
      all(expectCard(renderReplyCard(reply, { scope, replyId: REPLY_ID, posted })), 'Action.Submit').some(
        (a) => a.data.verb === 'post',
      );
    expect(hasPost(replies.fargateEstimate!, 'personal')).toBe(true);
    expect(hasPost(replies.fargateEstimate!, 'channel')).toBe(true); // a new top-level post
    expect(hasPost(replies.fargateEstimate!, 'channel', true)).toBe(false); // already posted
    expect(hasPost(replies.topic!, 'personal')).toBe(true); // like Slack's "Share in channel"
    expect(hasPost(replies.topic!, 'channel')).toBe(false); // already in the channel
    expect(hasPost(replies.help!, 'personal')).toBe(false);
    expect(hasPost(replies.recommendAsk!, 'personal')).toBe(false);
  });

  it('offers CSV and JSON export on estimates, and the form on a cost prompt', () => {
    const estimate = expectCard(
      renderReplyCard(replies.fargateEstimate!, { scope: 'personal', replyId: REPLY_ID }),
    );
    const verbs = all(estimate, 'Action.Submit').map((a) => a.data);
    expect(verbs).toEqual(
      expect.arrayContaining([
        { verb: 'export', replyId: REPLY_ID, format: 'csv' },
        { verb: 'export', replyId: REPLY_ID, format: 'json' },
      ]),
    );
    const prompt = expectCard(renderReplyCard(replies.costPrompt!, { scope: 'personal', replyId: REPLY_ID }));
    expect(all(prompt, 'Action.Submit').map((a) => a.data.action?.kind)).toContain('estimate');
  });

  it('replaces the feedback buttons with thanks once feedback is given', () => {
    const card = expectCard(
      renderReplyCard(replies.topic!, { scope: 'personal', replyId: REPLY_ID, feedback: 'up' }),
    );
    expect(all(card, 'Action.Submit').some((a) => a.data.verb === 'feedback')).toBe(false);
    expect(JSON.stringify(card)).toContain('Thanks for the feedback 👍');
  });

  it('clips an oversized reply to fit 28 KB, and falls back to text when nothing fits', () => {
    const base = replies.topic!;
    const huge: Reply = {
      ...base,
      rows: Array.from({ length: 12 }, (_, i) => ({
        label: `Row ${i}`,
        ecs: 'e'.repeat(3000),
        eks: 'k'.repeat(3000),
      })),
    };
    const clipped = renderReplyCard(huge, { scope: 'personal', replyId: REPLY_ID });
    const card = expectCard(clipped);
    expectSendable(card, 'clipped');
    expect(JSON.stringify(card)).toContain('…');
    expect(all(card, 'Container').filter((c) => c.separator)).toHaveLength(12); // no row dropped

    const impossible: Reply = {
      ...base,
      sources: Array.from({ length: 400 }, (_, i) => ({
        title: `Source ${i} ${'t'.repeat(100)}`,
        url: `https://docs.aws.amazon.com/${i}/${'p'.repeat(60)}`,
        asOf: '2026-11-28',
      })),
    };
    const text = renderReplyCard(impossible, { scope: 'personal', replyId: REPLY_ID });
    expect(text.kind).toBe('text');
    if (text.kind === 'text') expect(text.text).toContain('Source 399');
  });

  it('builds the welcome card with the command list in every scope', () => {
    for (const scope of SCOPES) {
      const card = welcomeCard(scope);
      expectSendable(card, `welcome ${scope}`);
      const facts = all(card, 'FactSet')[0].facts.map((f: Node) => f.title);
      expect(facts).toEqual(['help', 'compare', 'cost', 'recommend']);
    }
    expect(JSON.stringify(welcomeCard('channel'))).toMatch(/Mention me/);
  });

  it('builds the cost form from COST_FORM_FIELDS, with server errors under their fields', () => {
    const clean = costFormCard({ defaultRegion: 'eu-west-1' });
    expectSendable(clean, 'form');
    const inputs = clean.body.filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs.map((i) => i.type)).toEqual([
      'Input.ChoiceSet',
      'Input.Number',
      'Input.Number',
      'Input.Number',
      'Input.Text',
      'Input.Number',
      'Input.ChoiceSet',
      'Input.Number',
      'Input.ChoiceSet',
      'Input.ChoiceSet',
    ]);
    expect(inputs.find((i) => i.id === 'region')?.value).toBe('eu-west-1');
    expect(inputs.find((i) => i.id === 'vcpu')).toMatchObject({ min: 0.25, max: 16, value: 0.5 });

    const values = { compute: 'ec2', nodes: '3', memoryGb: 'lots' };
    const result = validateCostForm(values, { defaultRegion: 'us-east-1' });
    if (result.ok) throw new Error('expected errors');
    const withErrors = costFormCard({ defaultRegion: 'us-east-1', values, errors: result.errors });
    expectSendable(withErrors, 'form with errors');
    const body = withErrors.body;
    const at = body.findIndex((e) => e.id === 'instanceType');
    expect(body.slice(at, at + 3).map((e) => e.text ?? e.type)).toEqual([
      'Input.Text',
      'For EC2 / Auto Mode, e.g. m6i.large.',
      '⚠ Enter an instance type, e.g. m6i.large.',
    ]);
    expect(body.find((e) => e.id === 'compute')?.value).toBe('ec2');
    expect(body.find((e) => e.id === 'memoryGb')?.value).toBeUndefined(); // "lots" is not a number
    expect(all(withErrors, 'Action.Submit')[0].data).toEqual({ verb: 'estimate', errorsShown: true });

    expectSendable(costFormCard({ defaultRegion: 'us-east-1', notice: 'Priced.' }), 'form with notice');
  });

  it('builds the channel picker', () => {
    const card = channelPickerCard(REPLY_ID, 'Monthly cost estimate', [
      { value: '19:t|19:t', title: 'Platform › General' },
      { value: '19:t|19:c', title: 'Platform › Costs' },
    ]);
    expectSendable(card, 'picker');
    expect(all(card, 'Input.ChoiceSet')[0]).toMatchObject({ id: 'targetChannel', isRequired: true });
    expect(all(card, 'Action.Submit')[0].data).toEqual({ verb: 'postTo', replyId: REPLY_ID });
  });

  it('escapes Markdown that would change the text, but not intra-word underscores', () => {
    expect(escapeMarkdown('x86_64 and FARGATE_SPOT')).toBe('x86_64 and FARGATE_SPOT');
    expect(escapeMarkdown('*.amazonaws.com')).toBe('\\*.amazonaws.com');
    expect(escapeMarkdown('_init_ [docs](x)')).toBe('\\_init\\_ \\[docs\\](x)');
  });
});
