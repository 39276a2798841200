// "Share in channel" / "Post to channel" on a private card: the bot posts the same answer where it was asked.
import { loadReply, REPLY_TTL_SECONDS } from '../../../../src/core/reply-store.ts';
import {
  cannotPostHelp,
  logFailure,
  notePrivately,
  postPublic,
  postToResponseUrl,
  replyPrivately,
  type SlackDeps,
  slackErrorCode,
} from '../../deliver.ts';
import { COMMAND, decodeValue } from '../../ids.ts';
import { copyContext, postedKey } from '../../thread.ts';
import { actionOrigin } from './origin.ts';
import type { ButtonArgs } from './reply-action.ts';

export const ALREADY_POSTED = 'That answer is already posted here. :white_check_mark:';
export const EXPIRED = `:hourglass: That answer is no longer stored (answers are kept for 24 hours). Ask again with \`${COMMAND} …\`.`;

export function shareButton(deps: SlackDeps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    const origin = actionOrigin(body, value);
    const store = deps.brain.store;
    const reply = value.r ? await loadReply(store, value.r) : undefined;
    if (!reply || !origin.channel) return notePrivately(deps, origin.responseUrl, EXPIRED);
    // One post per answer and place: a double click (Slack buttons stay live) must not post it twice.
    const claim = `slack:shared:${value.r}:${origin.channel}:${value.t ?? 'top'}`;
    if (!(await store.firstSeen(claim, REPLY_TTL_SECONDS))) {
      return notePrivately(deps, origin.responseUrl, ALREADY_POSTED);
    }
    try {
      // Posted as the bot (not through the response_url) so the message has a ts: its thread then carries the
      // conversation on, e.g. "make it 20 tasks" under a shared estimate. The user is in this conversation and
      // just used the command here, so posting here is something they may do.
      const ts = await postPublic(deps, client, reply, {
        channel: origin.channel,
        threadTs: value.t,
        sharedBy: origin.user,
        followUpVia: 'thread',
      });
      if (ts)
        await copyContext(
          deps.contexts,
          origin.threadKey,
          postedKey(origin.team, origin.channel, ts, value.t),
        );
      // The shared copy replaces the private one.
      if (origin.responseUrl)
        await postToResponseUrl(deps, origin.responseUrl, { delete_original: true }).catch(() => undefined);
    } catch (err) {
      // Not posted: the button must work again once the user has fixed the cause (e.g. invited the bot).
      await store.delete(claim).catch(() => undefined);
      const code = slackErrorCode(err);
      logFailure(deps.logger, 'sharing an answer', err);
      const notice =
        cannotPostHelp(code, context.botUserId) ??
        `:warning: Slack did not accept the post (${code ?? 'no answer'}). Please try again in a moment. Your answer is kept below.`;
      if (!origin.responseUrl) return;
      // The answer is not lost: it comes back privately, with the instructions on top and the button still on it.
      await replyPrivately(deps, reply, {
        url: origin.responseUrl,
        threadKey: origin.threadKey,
        threadTs: value.t,
        followUpVia: value.t ? 'thread' : 'command',
        notice,
      }).catch((e: unknown) => logFailure(deps.logger, 'keeping a shared answer', e));
    }
  };
}
