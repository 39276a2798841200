// Pure builders: shared Reply -> Adaptive Card (schema 1.5) within MAX_CARD_BYTES, with a text fallback.
// No botbuilder imports here, so the builders port unchanged to the Microsoft 365 Agents SDK.
import { renderText } from '../../src/core/render-text.ts';
import type { Reply, ReplyAction } from '../../src/core/types.ts';
import type { Source } from '../../src/knowledge/schema.ts';
import {
  type AdaptiveCard,
  actionSets,
  button,
  type CardElement,
  card,
  cardBytes,
  clip,
  escapeMarkdown,
  heading,
  link,
  type Scope,
  text,
} from './card-elements.ts';
import { INLINE_SOURCES, MAX_CARD_BYTES } from './limits.ts';
import { actionData, REASON_INPUT } from './submit.ts';

export interface ReplyCardOptions {
  scope: Scope;
  /** The saved reply's id (reply-store), needed by "Post to channel", export and feedback buttons. */
  replyId?: string;
  /** The card is the copy posted to a channel: no second "Post to channel". */
  posted?: boolean;
  /** Feedback already given on this card: a thank-you line replaces the buttons. */
  feedback?: 'up' | 'down';
}

/** Answers worth sharing with a team; help, clarifications and open questions are not. */
export function isShareable(reply: Reply): boolean {
  if (reply.estimate !== undefined) return true;
  return ['overview', 'topic', 'recommend'].includes(reply.intent) && reply.pick !== 'ask';
}

/** How hard the builder squeezes: 0 = everything, higher levels clip long text. */
const TEXT_BUDGET = [Number.POSITIVE_INFINITY, 1200, 500, 200] as const;

function sourceLine(s: Source, max: number): CardElement {
  return text(`${link(clip(s.title, max), s.url)} (as of ${s.asOf})`, { size: 'Small', spacing: 'None' });
}

function sourcesBlock(sources: Source[], max: number): CardElement[] {
  if (sources.length === 0) return [];
  const inline = sources.slice(0, INLINE_SOURCES);
  const rest = sources.slice(INLINE_SOURCES);
  const out: CardElement[] = [
    heading('Sources', { size: 'Small' }),
    ...inline.map((s) => sourceLine(s, max)),
  ];
  if (rest.length) {
    // One block of paragraphs rather than a TextBlock each: the overview cites dozens of sources.
    const lines = rest.map((s) => `${link(clip(s.title, max), s.url)} (as of ${s.asOf})`).join('\n\n');
    out.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: `${rest.length} more sources`,
          card: { type: 'AdaptiveCard', body: [text(lines, { size: 'Small' })] },
        },
      ],
    });
  }
  return out;
}

function rowsBlock(reply: Reply, max: number): CardElement[] {
  if (reply.rows.length === 0) return [];
  const column = (value: string) => ({
    type: 'Column',
    width: 'stretch',
    items: [text(escapeMarkdown(clip(value, max)))],
  });
  const out: CardElement[] = [
    {
      type: 'ColumnSet',
      spacing: 'Medium',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [text('Amazon ECS', { weight: 'Bolder', color: 'Accent' })],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [text('Amazon EKS', { weight: 'Bolder', color: 'Accent' })],
        },
      ],
    },
  ];
  // A one-row answer whose title already names the row (a topic, its "why") needs no row label.
  const single = reply.rows.length === 1 && reply.title.includes(reply.rows[0]!.label);
  for (const row of reply.rows) {
    out.push({
      type: 'Container',
      separator: true,
      items: [
        ...(single ? [] : [text(escapeMarkdown(row.label), { weight: 'Bolder', size: 'Small' })]),
        { type: 'ColumnSet', spacing: 'Small', columns: [column(row.ecs), column(row.eks)] },
      ],
    });
  }
  return out;
}

function linesBlock(headingText: string, lines: string[], max: number): CardElement[] {
  return [
    heading(headingText),
    ...lines.map((l) =>
      text(/^\d+\. /.test(l) ? escapeMarkdown(clip(l, max)) : `• ${escapeMarkdown(clip(l, max))}`, {
        spacing: 'Small',
      }),
    ),
  ];
}

function replyActions(reply: Reply): ReplyAction[] {
  const actions = [...reply.actions];
  // A cost prompt or problem gets the form: in Teams, "Estimate cost" opens a card rather than a modal.
  if (
    reply.intent === 'cost' &&
    reply.estimate === undefined &&
    !actions.some((a) => a.kind === 'estimate')
  ) {
    actions.unshift({ kind: 'estimate', label: 'Open the estimate form' });
  }
  return actions;
}

function footer(reply: Reply, options: ReplyCardOptions, level: number): CardElement[] {
  const { replyId } = options;
  if (!replyId) return [];
  const posted = options.posted ? { posted: true } : {};
  const actions: CardElement[] = [];
  if (
    !options.posted &&
    isShareable(reply) &&
    (options.scope !== 'channel' || reply.estimate !== undefined)
  ) {
    actions.push(button('Post to channel', { verb: 'post', replyId }));
  }
  if (level < 2) {
    for (const file of reply.exports ?? []) {
      const format = file.filename.endsWith('.json') ? 'json' : 'csv';
      actions.push(button(`Export ${format.toUpperCase()}`, { verb: 'export', replyId, format }));
    }
  }
  const out: CardElement[] = [];
  if (options.feedback) {
    out.push(text(`Thanks for the feedback ${options.feedback === 'up' ? '👍' : '👎'}`, { isSubtle: true }));
  } else {
    actions.push(button('👍', { verb: 'feedback', replyId, vote: 'up', ...posted }), {
      type: 'Action.ShowCard',
      title: '👎',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: REASON_INPUT,
            label: 'What was wrong or missing? (optional)',
            isMultiline: true,
            maxLength: 1000,
          },
        ],
        actions: [button('Send feedback', { verb: 'feedback', replyId, vote: 'down', ...posted })],
      },
    });
  }
  return [...actionSets(actions), ...out];
}

function buildReplyCard(reply: Reply, options: ReplyCardOptions, level: number): AdaptiveCard {
  const max = TEXT_BUDGET[level] ?? 200;
  const body: CardElement[] = [
    text(escapeMarkdown(clip(reply.title, 300)), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(escapeMarkdown(clip(reply.summary, Math.max(max, 600)))),
    ...rowsBlock(reply, max),
  ];
  for (const section of reply.sections) body.push(...linesBlock(section.heading, section.lines, max));
  if (reply.verdict) {
    body.push({
      type: 'Container',
      style: 'emphasis',
      spacing: 'Medium',
      items: [text(`**Verdict:** ${escapeMarkdown(clip(reply.verdict, Math.max(max, 600)))}`)],
    });
  }
  if (reply.detail.length) body.push(...linesBlock('More detail', reply.detail, max));
  for (const notice of reply.notices) {
    body.push(text(escapeMarkdown(clip(notice, max)), { isSubtle: true, size: 'Small', spacing: 'Small' }));
  }
  body.push(...sourcesBlock(reply.sources, Math.min(max, 200)));
  if (reply.followUps.length) {
    const tries = reply.followUps.map((f) => `“${escapeMarkdown(clip(f, 80))}”`).join(' · ');
    body.push(text(`Try next: ${tries}`, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  }
  const buttons = replyActions(reply).map((a) => button(a.label, actionData(a)));
  body.push(...actionSets(buttons), ...footer(reply, options, level));
  return card(body, renderText(reply));
}

export type RenderedReply =
  | { kind: 'card'; card: AdaptiveCard; bytes: number }
  | { kind: 'text'; text: string };

/**
 * Renders a Reply as one card within MAX_CARD_BYTES, clipping long text step by step if needed. A reply
 * that cannot fit even then goes out as plain text, so nothing is ever dropped silently.
 */
export function renderReplyCard(reply: Reply, options: ReplyCardOptions): RenderedReply {
  for (let level = 0; level < TEXT_BUDGET.length; level++) {
    const built = buildReplyCard(reply, options, level);
    const bytes = cardBytes(built);
    if (bytes <= MAX_CARD_BYTES) return { kind: 'card', card: built, bytes };
  }
  return { kind: 'text', text: renderText(reply) };
}
