// The 👎 modal: submitted with or without a reason, or closed; either way the 👎 is recorded once.
import type {
  AllMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewClosedAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { logFailure, notePrivately, type SlackDeps } from '../../deliver.ts';
import { decodeOrigin } from '../../ids.ts';
import { readFeedbackReason } from '../../modals.ts';
import { homeKey } from '../../thread.ts';
import { recordVote } from '../../votes.ts';
import { ALREADY, THANKS } from '../actions/feedback.ts';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction | ViewClosedAction>;

export function feedbackReasonView(deps: SlackDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    await ack();
    const user = body.user.id;
    const origin = decodeOrigin(view.private_metadata);
    const reason = body.type === 'view_submission' ? readFeedbackReason(view.state.values) : undefined;
    try {
      const recorded = await recordVote(deps, {
        user,
        threadKey: origin?.k ?? homeKey(body.team?.id ?? 'unknown', user),
        replyId: origin?.r,
        vote: 'down',
        reason,
      });
      await notePrivately(deps, origin?.u, recorded ? THANKS : ALREADY);
    } catch (err) {
      logFailure(deps.logger, 'recording feedback', err);
    }
  };
}
