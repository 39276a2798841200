// 👍 records at once; 👎 opens a small modal for an optional reason (closing it still records the 👎).
import { logFailure, notePrivately, type SlackDeps } from '../../deliver.ts';
import { decodeValue } from '../../ids.ts';
import { feedbackModal } from '../../modals.ts';
import { recordVote } from '../../votes.ts';
import { actionOrigin } from './origin.ts';
import type { ButtonArgs } from './reply-action.ts';

export const THANKS = 'Thanks for the feedback! :raised_hands:';
export const ALREADY = 'You already rated this answer. Thanks!';

export function feedbackUpButton(deps: SlackDeps) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    const origin = actionOrigin(body, value);
    try {
      const recorded = await recordVote(deps, {
        user: origin.user,
        threadKey: origin.threadKey,
        replyId: value.r,
        vote: 'up',
      });
      await notePrivately(deps, origin.responseUrl, recorded ? THANKS : ALREADY);
    } catch (err) {
      logFailure(deps.logger, 'recording feedback', err);
    }
  };
}

export function feedbackDownButton(deps: SlackDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    const origin = actionOrigin(body, value);
    const meta = { k: origin.threadKey, ...(value.r ? { r: value.r } : {}) };
    try {
      // Straight after ack(): the trigger_id is only valid for 3 seconds.
      await client.views.open({
        trigger_id: body.trigger_id,
        view: feedbackModal(origin.responseUrl ? { ...meta, u: origin.responseUrl } : meta),
      });
    } catch (err) {
      // No modal, no reason: the 👎 itself still counts.
      logFailure(deps.logger, 'opening the feedback form', err);
      const recorded = await recordVote(deps, { ...origin, replyId: value.r, vote: 'down' }).catch(
        () => false,
      );
      await notePrivately(deps, origin.responseUrl, recorded ? THANKS : ALREADY);
    }
  };
}
