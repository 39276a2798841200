import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  blockTextLength,
  checkBlocks,
  checkView,
  chunkLines,
  chunkText,
  LIMITS,
  shorten,
} from '../../../adapters/slack/limits.ts';

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const section = (text: string): types.KnownBlock => ({ type: 'section', text: mrkdwn(text) });

describe('Block Kit limit helpers', () => {
  it('shorten cuts at a word boundary, marks the cut, and never exceeds the limit', () => {
    expect(shorten('short', 10)).toBe('short');
    const cut = shorten('one two three four five six seven', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/^one two three four…$|…$/);
    expect(shorten('x'.repeat(200), 150)).toHaveLength(150);
  });

  it('chunkText and chunkLines split into pieces at the limit, losing nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} is here.`).join(' ');
    const pieces = chunkText(text, 3000);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text);
    const lines = Array.from({ length: 300 }, (_, i) => `• line ${i} ${'y'.repeat(30)}`);
    const chunks = chunkLines(lines, 3000);
    expect(chunks.every((c) => c.length <= 3000)).toBe(true);
    expect(chunks.join('\n').split('\n')).toEqual(lines);
    expect(chunkLines(['z'.repeat(7000)], 3000).every((c) => c.length <= 3000)).toBe(true);
  });

  it('counts every text string in the blocks', () => {
    expect(blockTextLength([section('abc'), { type: 'context', elements: [mrkdwn('de')] }])).toBe(5);
  });
});

describe('checkBlocks flags each limit at limit + 1 and passes at the limit', () => {
  const cases: Array<[string, (n: number) => types.KnownBlock[], number]> = [
    [
      'header',
      (n) => [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(n) } }],
      LIMITS.headerText,
    ],
    ['section text', (n) => [section('s'.repeat(n))], LIMITS.sectionText],
    [
      'fields count',
      (n) => [{ type: 'section', fields: Array.from({ length: n }, () => mrkdwn('f')) }],
      LIMITS.sectionFields,
    ],
    ['field text', (n) => [{ type: 'section', fields: [mrkdwn('f'.repeat(n))] }], LIMITS.fieldText],
    [
      'context elements',
      (n) => [{ type: 'context', elements: Array.from({ length: n }, () => mrkdwn('c')) }],
      LIMITS.contextElements,
    ],
    [
      'button text',
      (n) => [
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'b'.repeat(n) } }],
        },
      ],
      LIMITS.buttonText,
    ],
    [
      'button value',
      (n) => [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a', value: 'v'.repeat(n), text: { type: 'plain_text', text: 'b' } },
          ],
        },
      ],
      LIMITS.buttonValue,
    ],
    [
      'actions elements',
      (n) => [
        {
          type: 'actions',
          elements: Array.from({ length: n }, (_, i) => ({
            type: 'button' as const,
            action_id: `a${i}`,
            text: { type: 'plain_text' as const, text: 'b' },
          })),
        },
      ],
      LIMITS.actionsElements,
    ],
    ['blocks per message', (n) => Array.from({ length: n }, () => section('x')), LIMITS.messageBlocks],
    [
      'total text',
      (n) => {
        const count = Math.ceil(n / 2000);
        return Array.from({ length: count }, (_, i) =>
          section('t'.repeat(i < count - 1 ? 2000 : n - 2000 * (count - 1))),
        );
      },
      LIMITS.messageTextCap,
    ],
  ];
  for (const [name, build, limit] of cases) {
    it(name, () => {
      expect(checkBlocks(build(limit))).toEqual([]);
      expect(checkBlocks(build(limit + 1))).not.toEqual([]);
    });
  }

  it('duplicate action ids in one block', () => {
    const b = (id: string) => ({
      type: 'button' as const,
      action_id: id,
      text: { type: 'plain_text' as const, text: 'x' },
    });
    expect(checkBlocks([{ type: 'actions', elements: [b('a'), b('a')] }])[0]).toMatch(/duplicate/);
  });

  it('modal title, option text and private_metadata', () => {
    const view = (title: string, option: string, meta: string): types.View => ({
      type: 'modal',
      title: { type: 'plain_text', text: title },
      private_metadata: meta,
      blocks: [
        {
          type: 'input',
          label: { type: 'plain_text', text: 'L' },
          element: {
            type: 'static_select',
            action_id: 's',
            options: [{ text: { type: 'plain_text', text: option }, value: 'v' }],
          },
        },
      ],
    });
    expect(checkView(view('t'.repeat(24), 'o'.repeat(75), 'm'.repeat(3000)))).toEqual([]);
    expect(checkView(view('t'.repeat(25), 'o'.repeat(75), ''))).toEqual(['title: 25 > 24']);
    expect(checkView(view('t', 'o'.repeat(76), ''))[0]).toMatch(/options\[0\]/);
    expect(checkView(view('t', 'o', 'm'.repeat(3001)))).toEqual(['private_metadata: 3001 > 3000']);
  });
});
