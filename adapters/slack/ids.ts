// Names Slack echoes back to us (command, action_ids, callback_ids) and the small state a button carries.
import { z } from 'zod';

export const COMMAND = '/ecs-vs-eks';

/** action_id prefixes; a block can hold several buttons of one kind, so ids get a `:<n>` suffix. */
export const ACTIONS = {
  /** A ReplyAction the brain answers: `reply:<kind>:<n>` (topic, more, why, overview, recommend, help). */
  reply: 'reply',
  /** Opens the cost estimate modal: `estimate:<n>`. */
  estimate: 'estimate',
  /** Re-posts a private answer where it was asked. */
  share: 'share',
  /** `export:csv` / `export:json`: the estimate as text the user can copy. */
  export: 'export',
  /** Every source of an answer whose card had to shorten its source list. */
  sources: 'sources',
  feedbackUp: 'feedback:up',
  feedbackDown: 'feedback:down',
} as const;

export const VIEWS = { costEstimate: 'cost_estimate', feedbackReason: 'feedback_reason' } as const;

/** The block/action id of the modal's optional channel picker (conversations_select). */
export const CHANNEL_PICKER = 'post_channel';
export const FEEDBACK_REASON = 'reason';

const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
const key = z
  .string()
  .max(300)
  .regex(/^slack:[\w-]+:[\w-]+:[\w.-]+$/);

/**
 * What a button remembers, kept tiny because Slack caps `value` at 2000 characters:
 * k = thread key to continue (private replies only), r = saved reply id, t = thread ts, p = topic id.
 */
export const buttonValueSchema = z.object({
  k: key.optional(),
  r: z.uuid().optional(),
  t: ts.optional(),
  p: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});
export type ButtonValue = z.infer<typeof buttonValueSchema>;

export function encodeValue(value: ButtonValue): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

/** Parses a button value; anything malformed or forged becomes {} and the caller falls back to safe defaults. */
export function decodeValue(raw: unknown): ButtonValue {
  if (typeof raw !== 'string' || raw.length > 2000) return {};
  try {
    const parsed = buttonValueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Where a modal came from, carried in private_metadata (≤ 3000 chars) so the submission knows where to answer:
 * k = thread key, c = channel, t = thread ts, u = response_url for a private reply.
 */
export const modalOriginSchema = z.object({
  k: key,
  c: z
    .string()
    .regex(/^[A-Z0-9]+$/)
    .optional(),
  t: ts.optional(),
  u: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .optional(),
  r: z.uuid().optional(),
});
export type ModalOrigin = z.infer<typeof modalOriginSchema>;

export function decodeOrigin(raw: unknown): ModalOrigin | undefined {
  if (typeof raw !== 'string' || raw.length > 3000) return undefined;
  try {
    const parsed = modalOriginSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
