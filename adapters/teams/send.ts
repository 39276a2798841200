// Turning cards and replies into outbound activities, and the few sends every flow shares.
import { type Activity, CardFactory, type TurnContext } from 'botbuilder';
import type { Reply } from '../../src/core/types.ts';
import type { AdaptiveCard } from './card-elements.ts';
import type { RenderedReply } from './cards.ts';
import { MAX_SUMMARY_CHARS } from './limits.ts';

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A message carrying one card. Teams shows `text` above a card, so the text fallback lives in the card's
 * `fallbackText` (clients that cannot render cards) and in `summary` (notifications and the activity feed).
 */
export function cardActivity(card: AdaptiveCard, summary: string, text?: string): Partial<Activity> {
  return {
    type: 'message',
    summary: clip(summary, MAX_SUMMARY_CHARS),
    attachments: [CardFactory.adaptiveCard(card)],
    ...(text ? { text, textFormat: 'plain' } : {}),
  };
}

export function replyActivity(rendered: RenderedReply, reply: Reply, text?: string): Partial<Activity> {
  if (rendered.kind === 'text') {
    return {
      type: 'message',
      text: text ? `${text}\n\n${rendered.text}` : rendered.text,
      textFormat: 'plain',
    };
  }
  return cardActivity(rendered.card, `${reply.title}: ${reply.summary}`, text);
}

export function plainActivity(text: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain' };
}

/** HTTP status of a failed connector call, when there is one. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Replaces the card a button was pressed on (the submit's `replyToId`), or sends a new message when there
 * is no such card or Teams refuses the update. Returns how the card went out.
 */
export async function replaceOrSend(
  ctx: TurnContext,
  activity: Partial<Activity>,
): Promise<'updated' | 'sent'> {
  const target = ctx.activity.replyToId;
  if (target) {
    try {
      await ctx.updateActivity({ ...activity, id: target });
      return 'updated';
    } catch {
      // An old or foreign card cannot be updated; a fresh message loses nothing.
    }
  }
  await ctx.sendActivity(activity);
  return 'sent';
}
