// Adaptive Card building blocks shared by every Teams card: types, the size measure, Markdown escaping, and
// small element helpers. Plain JSON, no botbuilder, so they port unchanged to the Microsoft 365 Agents SDK.
import {
  CARD_SCHEMA,
  CARD_VERSION,
  MAX_ACTIONS_PER_SET,
  MAX_BUTTON_CHARS,
  MAX_FALLBACK_CHARS,
} from './limits.ts';
import type { Submit } from './submit.ts';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText?: string;
}

/** Where a card is shown: personal chat, a group chat, or a channel thread. */
export type Scope = 'personal' | 'groupChat' | 'channel';

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Escapes the Markdown that Teams interprets in a TextBlock, so knowledge text shows literally. Intra-word
 * underscores (x86_64, FARGATE_SPOT) are left alone: they never start emphasis, and some clients show the
 * backslash of an escape.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[*[\]]/g, (c) => `\\${c}`)
    .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (m) => m.replace('_', '\\_'));
}

export function link(title: string, url: string): string {
  const safeUrl = url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  return `[${escapeMarkdown(title)}](${safeUrl})`;
}

export function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

export function heading(value: string, extra: CardElement = {}): CardElement {
  return text(escapeMarkdown(value), { weight: 'Bolder', spacing: 'Medium', ...extra });
}

export function button(title: string, data: Submit): CardElement {
  return { type: 'Action.Submit', title: clip(title, MAX_BUTTON_CHARS), data };
}

/** Splits buttons into evenly filled rows of at most MAX_ACTIONS_PER_SET. */
export function actionSets(actions: CardElement[]): CardElement[] {
  if (actions.length === 0) return [];
  const rows = Math.ceil(actions.length / MAX_ACTIONS_PER_SET);
  const perRow = Math.ceil(actions.length / rows);
  const sets: CardElement[] = [];
  for (let i = 0; i < actions.length; i += perRow) {
    sets.push({ type: 'ActionSet', actions: actions.slice(i, i + perRow) });
  }
  return sets;
}

export function card(body: CardElement[], fallbackText: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    fallbackText: clip(fallbackText, MAX_FALLBACK_CHARS),
  };
}
