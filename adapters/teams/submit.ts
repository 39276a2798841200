// What a card button sends back (Action.Submit `data` merged with the card's inputs), and its validation.
// Anyone in a conversation can forge a submit, so every field is checked before use.
import { z } from 'zod';
import type { ReplyAction } from '../../src/core/types.ts';

const label = z.string().trim().min(1).max(200);
const topicId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9-]+$/);
const replyId = z
  .string()
  .max(36)
  .regex(/^[0-9a-f-]{36}$/);

const replyAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic'), label, topicId }),
  z.object({ kind: z.literal('more'), label, topicId }),
  z.object({ kind: z.literal('why'), label, topicId }),
  z.object({ kind: z.literal('overview'), label }),
  z.object({ kind: z.literal('recommend'), label }),
  z.object({ kind: z.literal('estimate'), label }),
  z.object({ kind: z.literal('help'), label }),
]);

/** Input ids on our cards; kept apart from the `data` keys so Teams' merge cannot overwrite them. */
export const CHANNEL_INPUT = 'targetChannel';
export const REASON_INPUT = 'feedbackReason';

export const submitSchema = z.discriminatedUnion('verb', [
  /** A shared-handler button: topic, more, why, overview, recommend, estimate, help. */
  z.object({ verb: z.literal('action'), action: replyAction }),
  /** The cost form; its inputs arrive as strings (or numbers from some clients) next to `verb`. */
  z.looseObject({ verb: z.literal('estimate'), errorsShown: z.boolean().optional() }),
  /** "Post to channel" on an answer. */
  z.object({ verb: z.literal('post'), replyId }),
  /** The channel picker's "Post" button. */
  z.object({
    verb: z.literal('postTo'),
    replyId,
    [CHANNEL_INPUT]: z.string().max(600).optional(),
  }),
  /** The CSV or JSON of an estimate, as a message the user can copy. */
  z.object({ verb: z.literal('export'), replyId, format: z.enum(['csv', 'json']) }),
  /** 👍 / 👎, with an optional reason on 👎. */
  z.object({
    verb: z.literal('feedback'),
    replyId,
    vote: z.enum(['up', 'down']),
    /** The card is a copy posted to a channel, so its re-render keeps "Post to channel" off. */
    posted: z.boolean().optional(),
    [REASON_INPUT]: z.string().max(1000).optional(),
  }),
]);

export type Submit = z.infer<typeof submitSchema>;

export type SubmitResult = { ok: true; submit: Submit } | { ok: false; verb?: string };

/** Parses `activity.value` from a card submit; unknown or malformed data is reported, never thrown. */
export function parseSubmit(value: unknown): SubmitResult {
  const parsed = submitSchema.safeParse(value);
  if (parsed.success) return { ok: true, submit: parsed.data };
  const verb = (value as { verb?: unknown } | null)?.verb;
  return { ok: false, verb: typeof verb === 'string' ? verb.slice(0, 40) : undefined };
}

/** The `data` object a button carries for a shared-handler action. Teams drops non-object data. */
export function actionData(action: ReplyAction): Submit {
  return { verb: 'action', action: { ...action, label: action.label.slice(0, 200) } } as Submit;
}
