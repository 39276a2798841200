// @mention in a channel: answered in a thread under the message (or in the thread it was written in).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { plainText } from '../../thread.ts';
import { answerOnce, eventTeam, ignored } from './answer-message.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>;

export function appMention(deps: SlackDeps) {
  return async ({ event, body, client, context }: Args): Promise<void> => {
    const e = event as typeof event & { subtype?: string; edited?: unknown };
    if (e.bot_id || e.subtype || e.edited || !e.user) return ignored(deps, 'bot, edit or other subtype');
    await answerOnce(
      deps,
      client,
      { eventId: body.event_id, ts: e.ts, retryNum: context.retryNum, what: 'a mention' },
      {
        text: plainText(e.text, context.botUserId),
        user: e.user,
        team: eventTeam(body),
        channel: e.channel,
        threadTs: e.thread_ts ?? e.ts,
        isDm: false,
        botUserId: context.botUserId,
        quietUnlessUnderstood: false,
      },
    );
  };
}
