// Messages: follow-ups in threads the bot is part of (no mention needed), and DMs with the bot. Top-level
// channel messages are left to app_mention; bots, edits, deletions and other subtypes are ignored.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { hasContext, mentions, plainText, threadKey } from '../../thread.ts';
import { answerOnce, eventTeam, ignored } from './answer-message.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** Subtypes that are still a person writing: a thread reply also sent to the channel, a message with a file. */
const HUMAN_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

interface MessageFields {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

export function message(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const e = event as unknown as MessageFields;
    if (e.subtype && !HUMAN_SUBTYPES.has(e.subtype)) return ignored(deps, 'subtype', { subtype: e.subtype });
    if (e.bot_id || !e.user) return ignored(deps, 'bot');
    if (typeof e.text !== 'string' || !e.text.trim()) return ignored(deps, 'no text');
    const team = eventTeam(body);
    const isDm = e.channel_type === 'im';
    if (!isDm) {
      if (!e.thread_ts) return ignored(deps, 'top-level channel message (mentions arrive as app_mention)');
      if (mentions(e.text, context.botUserId)) return ignored(deps, 'mention (answered as app_mention)');
      if (!(await hasContext(deps.brain.store, threadKey(team, e.channel, e.thread_ts))))
        return ignored(deps, 'thread the bot is not part of');
    }
    await answerOnce(
      deps,
      client,
      { eventId: body.event_id, ts: e.ts, retryNum: context.retryNum, what: 'a message' },
      {
        text: plainText(e.text, context.botUserId),
        user: e.user,
        team,
        channel: e.channel,
        threadTs: e.thread_ts,
        isDm,
        botUserId: context.botUserId,
        quietUnlessUnderstood: !isDm,
      },
    );
  };
}
