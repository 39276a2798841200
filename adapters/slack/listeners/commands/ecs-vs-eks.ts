// /ecs-vs-eks [text]: ack at once, then answer privately through the response_url (never chat.postMessage:
// it fails in DMs and channels the bot is not in). `share <question>` answers in the channel instead.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Inbound } from '../../../../src/core/types.ts';
import {
  logFailure,
  notePrivately,
  postInChannelViaUrl,
  replyPrivately,
  type SlackDeps,
} from '../../deliver.ts';
import { plainText, privateKey } from '../../thread.ts';
import { openCostModal } from '../actions/open-estimate.ts';
import { SORRY } from '../actions/reply-action.ts';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `cost` or `estimate` with nothing else opens the form: there is nothing to price yet. */
const OPEN_FORM = /^(cost|estimate|estimate cost)$/i;
const SHARE = /^share\b\s*/i;

export function ecsVsEksCommand(deps: SlackDeps) {
  return async ({ ack, command, client, context }: Args): Promise<void> => {
    await ack();
    const text = plainText(command.text ?? '', context.botUserId);
    const key = privateKey(command.team_id, command.channel_id, command.user_id);
    const url = command.response_url;
    if (OPEN_FORM.test(text)) {
      return openCostModal(deps, client, command.trigger_id, { k: key, c: command.channel_id, u: url }, url);
    }
    const share = SHARE.test(text);
    const question = share ? text.replace(SHARE, '') : text;
    // Empty text is the overview card: every dimension in short, with topic, estimate and "help me choose" buttons.
    const inbound: Inbound = question
      ? { text: question, userId: command.user_id, threadKey: key }
      : {
          text: '',
          userId: command.user_id,
          threadKey: key,
          action: { kind: 'overview', label: 'Overview' },
        };
    try {
      const reply = await deps.brain.handler.handle(inbound);
      if (!share) return await replyPrivately(deps, reply, { url, threadKey: key, followUpVia: 'command' });
      await postInChannelViaUrl(deps, url, reply, command.user_id);
    } catch (err) {
      logFailure(deps.logger, `${command.command} answer`, err);
      await notePrivately(deps, url, SORRY);
    }
  };
}
