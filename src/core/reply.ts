import type { Reply } from './types.ts';

/** A Reply with every list empty: builders fill in only what they have. */
export function makeReply(partial: Partial<Reply> & Pick<Reply, 'intent' | 'title' | 'summary'>): Reply {
  return {
    topics: [],
    rows: [],
    detail: [],
    sections: [],
    followUps: [],
    actions: [],
    sources: [],
    notices: [],
    ...partial,
  };
}
