import { z } from 'zod';
import { sourceSchema } from './schema.ts';

/** The framing text of the overview card; the rows come from the topics' overview cells. */
export const overviewSchema = z.strictObject({
  title: z.string().min(3),
  summary: z.string().min(20).max(500),
  verdict: z.string().min(20).max(300),
  sources: z.array(sourceSchema).min(1),
});
export type Overview = z.infer<typeof overviewSchema>;
