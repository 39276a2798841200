import { z } from 'zod';

/** ISO calendar date, e.g. 2026-09-28. Every fact and price carries one. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-09-28')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real calendar date');

export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.url({ protocol: /^https$/ }),
  asOf: isoDate,
});
export type Source = z.infer<typeof sourceSchema>;

const sentence = z.string().trim().min(10);

/** Short cells shown in the overview table; only the lesson's core dimensions carry them. */
const overviewRowSchema = z.strictObject({
  order: z.number().int().min(1),
  label: z.string().min(3).max(40),
  ecs: z.string().min(3).max(140),
  eks: z.string().min(3).max(140),
});

export const topicSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    title: z.string().min(3).max(80),
    /** Whole phrases people type for this topic ("perms", "irsa", "how do pods get aws creds"). */
    aliases: z.array(z.string().min(2)).min(2),
    /** Single words or abbreviations that point to the topic. */
    keywords: z.array(z.string().min(2)).min(3),
    /** The answer first: one or two sentences with the key facts. */
    summary: sentence.max(400),
    ecs: sentence.max(600),
    eks: sentence.max(600),
    verdict: sentence.max(220),
    /** "More detail": each item is one self-contained paragraph. */
    detail: z.array(sentence.max(700)).min(2).max(8),
    /** The reasoning behind the verdict, for "why?". */
    why: sentence.max(600),
    related: z.array(z.string()).max(6).default([]),
    overview: overviewRowSchema.optional(),
    /** Words the cost engine understands, added when a cost follow-up says "that"/"it" right after this topic. */
    costHint: z.string().min(3).max(60).optional(),
    sources: z.array(sourceSchema).min(1),
  })
  .superRefine((t, ctx) => {
    if (t.related.includes(t.id)) {
      ctx.addIssue({ code: 'custom', path: ['related'], message: 'a topic cannot relate to itself' });
    }
  });
export type Topic = z.infer<typeof topicSchema>;
