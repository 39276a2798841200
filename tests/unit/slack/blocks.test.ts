import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  exportMessage,
  fallbackText,
  replyBlocks,
  replyMessage,
  sourcesMessage,
} from '../../../adapters/slack/blocks.ts';
import { decodeValue } from '../../../adapters/slack/ids.ts';
import { blockTextLength, checkBlocks, LIMITS } from '../../../adapters/slack/limits.ts';
import { renderText } from '../../../src/core/render-text.ts';
import type { Reply } from '../../../src/core/types.ts';
import { testBrain } from '../../helpers/brain.ts';

const REPLY_ID = '0b7c3a56-1b7e-4a47-9a51-0d5f0c5d2a11';
const KEY = 'slack:T1:C1:user-U1';

function reply(partial: Partial<Reply> = {}): Reply {
  return {
    intent: 'topic',
    topics: ['networking'],
    title: 'Networking',
    summary: 'Both give each workload a VPC IP.',
    rows: [{ label: 'Networking', ecs: 'awsvpc: one ENI per task', eks: 'VPC CNI: one IP per pod' }],
    verdict: 'ECS has fewer moving parts.',
    detail: [],
    sections: [],
    followUps: ['why?'],
    actions: [
      { kind: 'more', label: 'More detail', topicId: 'networking' },
      { kind: 'estimate', label: 'Estimate cost' },
    ],
    sources: [
      { title: 'ECS networking', url: 'https://docs.aws.amazon.com/ecs/net.html', asOf: '2026-11-28' },
    ],
    notices: [],
    ...partial,
  } as Reply;
}

const priv = {
  visibility: 'private' as const,
  replyId: REPLY_ID,
  threadKey: KEY,
  followUpVia: 'command' as const,
};
// biome-ignore lint/suspicious/noExplicitAny: blocks in assertions are read as free-form JSON.
type AnyBlock = types.KnownBlock & Record<string, any>;
const ofType = (blocks: types.KnownBlock[], type: string) =>
  blocks.filter((b) => b.type === type) as AnyBlock[];
const buttons = (blocks: types.KnownBlock[]) => ofType(blocks, 'actions').flatMap((b) => b.elements);

function expectWithinLimits(blocks: types.KnownBlock[], budget: number = LIMITS.messageTextBudget) {
  expect(checkBlocks(blocks)).toEqual([]);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(budget);
}

describe('Reply -> Block Kit', () => {
  it('renders header, ECS/EKS fields, verdict, sources with as-of dates and actions', () => {
    const blocks = replyBlocks(reply(), priv);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Networking' } });
    const fields = ofType(blocks, 'section').flatMap((b) => b.fields ?? []);
    expect(fields.map((f: { text: string }) => f.text)).toEqual([
      '*ECS*\nawsvpc: one ENI per task',
      '*EKS*\nVPC CNI: one IP per pod',
    ]);
    expect(JSON.stringify(blocks)).toContain('*Verdict:* ECS has fewer moving parts.');
    const sources = ofType(blocks, 'context').find((b) => b.elements[0].text.startsWith('*Sources*'));
    expect(sources?.elements[0].text).toBe(
      '*Sources*\n<https://docs.aws.amazon.com/ecs/net.html|ECS networking> · as of 2026-11-28',
    );
    const ids = buttons(blocks).map((b) => b.action_id);
    expect(ids).toEqual(['reply:more:0', 'estimate:1', 'share', 'feedback:up', 'feedback:down']);
    // Buttons on a private card carry the context they continue; topic buttons carry the topic.
    expect(decodeValue(buttons(blocks)[0].value)).toEqual({ k: KEY, p: 'networking' });
    expect(decodeValue(buttons(blocks)[2].value)).toEqual({ r: REPLY_ID, k: KEY });
  });

  it('a public card has no Share button and no private context in its buttons', () => {
    const blocks = replyBlocks(reply(), { visibility: 'public', replyId: REPLY_ID, sharedBy: 'U9' });
    expect(buttons(blocks).map((b) => b.action_id)).not.toContain('share');
    expect(decodeValue(buttons(blocks)[0].value)).toEqual({ p: 'networking' });
    expect(JSON.stringify(blocks)).toContain('Shared by <@U9>');
  });

  it('estimates say "Post to channel" (or thread) and offer CSV/JSON export', () => {
    const estimate = reply({
      intent: 'cost',
      estimate: { region: 'us-east-1' },
      exports: [
        { filename: 'e.csv', mimeType: 'text/csv', content: 'a,b\n1,2' },
        { filename: 'e.json', mimeType: 'application/json', content: '{"a":1}' },
      ],
    });
    const labels = (o: object) => buttons(replyBlocks(estimate, { ...priv, ...o })).map((b) => b.text.text);
    expect(labels({})).toEqual(expect.arrayContaining(['Post to channel', 'Export CSV', 'Export JSON']));
    expect(labels({ threadTs: '1.2' })).toContain('Post to thread');
  });

  it('escapes Slack markup in content and keeps links intact', () => {
    const blocks = replyBlocks(
      reply({
        summary: 'a < b && c > d <!channel>',
        sources: [{ title: 'A | B <x>', url: 'https://x.io/a b', asOf: '2026-01-01' }],
      }),
      priv,
    );
    const text = JSON.stringify(blocks);
    expect(text).toContain('a &lt; b &amp;&amp; c &gt; d &lt;!channel&gt;');
    expect(text).toContain('<https://x.io/a%20b|A ¦ B &lt;x&gt;>');
  });

  it('always sends the plain-text rendering as the fallback, without unfurls', () => {
    const r = reply();
    const message = replyMessage(r, priv);
    expect(message.text).toBe(renderText(r));
    expect(message).toMatchObject({ unfurl_links: false, unfurl_media: false });
    expect(fallbackText(reply({ summary: 'w '.repeat(20_000) })).length).toBeLessThanOrEqual(
      LIMITS.fallbackText,
    );
  });
});

describe('Block Kit limits, at and past each one', () => {
  it('header: a 300-character title is shortened to 150', () => {
    const header = replyBlocks(reply({ title: 'T'.repeat(300) }), priv)[0] as AnyBlock;
    expect(header.text.text).toHaveLength(LIMITS.headerText);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect((replyBlocks(reply({ title: 'T'.repeat(150) }), priv)[0] as AnyBlock).text.text).toBe(
      'T'.repeat(150),
    );
  });

  it('section text: an 8000-character summary is split into sections of at most 3000, nothing lost', () => {
    const summary = Array.from({ length: 400 }, (_, i) => `Fact ${i}.`)
      .join(' ')
      .padEnd(8000, ' x');
    const blocks = replyBlocks(reply({ summary }), priv);
    const texts = ofType(blocks, 'section').filter((b) => b.text && !b.text.text.startsWith('*Verdict'));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts.every((b) => b.text.text.length <= LIMITS.sectionText)).toBe(true);
    expect(
      texts
        .map((b) => b.text.text)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toBe(summary.replace(/\s+/g, ' '));
    expectWithinLimits(blocks);
  });

  it('fields: a 5000-character side is shortened to 2000; 30 rows make sections of 10 fields', () => {
    const long = replyBlocks(reply({ rows: [{ label: 'L', ecs: 'e'.repeat(5000), eks: 'k' }] }), priv);
    const field = ofType(long, 'section').flatMap((b) => b.fields ?? [])[0];
    expect(field.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      label: `Row ${i}`,
      ecs: `ecs ${i}`,
      eks: `eks ${i}`,
    }));
    const many = replyBlocks(reply({ rows }), priv);
    const withFields = ofType(many, 'section').filter((b) => b.fields);
    expect(withFields).toHaveLength(6);
    expect(withFields.every((b) => b.fields.length <= LIMITS.sectionFields)).toBe(true);
    expectWithinLimits(many);
  });

  it('buttons: 60 actions keep 25 per block; a 100-character label is shortened to 75', () => {
    const actions = Array.from({ length: 60 }, (_, i) => ({
      kind: 'topic' as const,
      label: i === 0 ? 'L'.repeat(100) : `Topic ${i}`,
      topicId: `t${i}`,
    }));
    const blocks = replyBlocks(reply({ actions }), priv);
    const first = ofType(blocks, 'actions')[0]!;
    expect(first.elements).toHaveLength(LIMITS.actionsElements);
    expect(first.elements[0].text.text).toHaveLength(LIMITS.buttonText);
    expectWithinLimits(blocks);
  });

  it('sources: 200 sources shrink to fit, with an "All 200 sources" button', () => {
    const sources = Array.from({ length: 200 }, (_, i) => ({
      title: `Source number ${i} about container orchestration`,
      url: `https://docs.aws.amazon.com/guide/page-${i}.html`,
      asOf: '2026-11-28',
    }));
    const blocks = replyBlocks(reply({ sources }), priv);
    expectWithinLimits(blocks);
    const text = JSON.stringify(blocks);
    expect(text).toContain('page-0.html');
    expect(text).toMatch(/…and \d+ more \(press \*All 200 sources\*\)/);
    expect(buttons(blocks).find((b) => b.action_id === 'sources')?.text.text).toBe('All 200 sources');
    // The full list is one click away, itself within limits.
    const all = sourcesMessage(reply({ sources }));
    expect(checkBlocks(all.blocks)).toEqual([]);
  });

  it('the 50-block and total-text caps hold for an absurd reply, and the card says what it left out', () => {
    const huge = reply({
      title: 'H'.repeat(400),
      summary: 'S '.repeat(6000),
      rows: Array.from({ length: 80 }, (_, i) => ({
        label: `R${i}`,
        ecs: 'e '.repeat(800),
        eks: 'k '.repeat(800),
      })),
      sections: Array.from({ length: 40 }, (_, i) => ({
        heading: `Sec ${i}`,
        lines: Array(50).fill('line '.repeat(20)),
      })),
      detail: Array(100).fill('detail '.repeat(30)),
      notices: Array(30).fill('notice'),
      followUps: Array(20).fill('follow up'),
      sources: Array.from({ length: 300 }, (_, i) => ({
        title: `S${i}`,
        url: `https://e.com/${i}`,
        asOf: '2026-01-01',
      })),
      actions: Array.from({ length: 40 }, (_, i) => ({
        kind: 'topic' as const,
        label: `T${i}`,
        topicId: `t${i}`,
      })),
    });
    const blocks = replyBlocks(huge, priv);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expectWithinLimits(blocks);
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(blocks)).toMatch(/did not fit in one Slack message|Shortened to fit/);
  });

  it('shrinks follow-ups first, then detail, and marks dropped lines', () => {
    const r = reply({
      detail: Array.from({ length: 20 }, (_, i) => `Detail line ${i} ${'d'.repeat(80)}`),
      followUps: ['why?', 'more detail'],
    });
    const full = replyBlocks(r, priv);
    const budget = blockTextLength(full) - 500;
    const blocks = replyBlocks(r, { ...priv, budget });
    const text = JSON.stringify(blocks);
    expect(blockTextLength(blocks)).toBeLessThanOrEqual(budget);
    expect(text).not.toContain('`/ecs-vs-eks why?`');
    expect(text).toMatch(/more lines? did not fit in one Slack message/);
    expect(text).toContain('*Verdict:*');
    expect(text).toContain('<https://docs.aws.amazon.com/ecs/net.html|ECS networking>');
  });
});

describe('every real reply fits one Slack message', () => {
  it('overview, help, every topic in every mode, recommendations and estimates', async () => {
    const { brain, thread } = testBrain();
    const replies: Reply[] = [];
    const t = thread();
    for (const q of [
      '',
      'help',
      'asdf qwer',
      'which should we choose?',
      'small team, no kubernetes, all on aws',
    ]) {
      replies.push(await t.say(q));
    }
    for (const topic of brain.knowledge.topics) {
      for (const kind of ['topic', 'more', 'why'] as const) {
        replies.push(
          await brain.handler.handle({
            text: '',
            userId: 'U1',
            threadKey: `k:${topic.id}`,
            action: { kind, label: kind, topicId: topic.id },
          }),
        );
      }
    }
    const cost = thread();
    for (const q of [
      'cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
      'make it 20 tasks',
      'cost 3 m5.large nodes with an alb and 2 nat gateways, 3 clusters on extended support',
      'cost 20 services x 3 replicas, 0.5 vCPU / 1 GB, business hours, fargate spot',
      'cost 5 m6g.xlarge nodes auto mode in eu-west-1',
    ]) {
      replies.push(await cost.say(q));
    }
    let largest = { title: '', chars: 0, blocks: 0 };
    for (const r of replies) {
      for (const options of [priv, { visibility: 'public' as const, replyId: REPLY_ID }]) {
        const { blocks, text } = replyMessage(r, options);
        expect(checkBlocks(blocks), r.title).toEqual([]);
        expect(blockTextLength(blocks), r.title).toBeLessThanOrEqual(LIMITS.messageTextBudget);
        expect(text.length).toBeGreaterThan(0);
        const chars = blockTextLength(blocks);
        if (chars > largest.chars) largest = { title: r.title, chars, blocks: blocks.length };
      }
      for (const file of r.exports ?? []) {
        const format = file.filename.endsWith('.csv') ? 'csv' : 'json';
        expect(checkBlocks(exportMessage(r, format).blocks)).toEqual([]);
      }
      expect(checkBlocks(sourcesMessage(r).blocks)).toEqual([]);
    }
    expect(replies.length).toBeGreaterThan(100);
    // The largest is the overview: it shrinks its source list and links to all of it.
    expect(largest.title).toMatch(/ECS vs Amazon EKS/);
    console.info(
      `largest Slack card: "${largest.title}", ${largest.chars} chars of block text, ${largest.blocks} blocks`,
    );
  });

  it('exports are copyable code blocks with Slack markup escaped', () => {
    const r = reply({
      exports: [{ filename: 'e.csv', mimeType: 'text/csv', content: 'label,usd\n"a <b> & c",1.00' }],
    });
    const { blocks, text } = exportMessage(r, 'csv');
    expect((blocks[1] as AnyBlock).text.text).toBe('```\nlabel,usd\n"a &lt;b&gt; &amp; c",1.00\n```');
    expect(text).toContain('"a <b> & c"');
    expect(exportMessage(r, 'json').text).toMatch(/nothing to export/);
  });
});
