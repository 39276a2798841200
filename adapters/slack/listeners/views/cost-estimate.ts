// The estimate modal's submission: errors go back next to their fields; a valid form is priced and sent to
// the chosen channel, or privately to the user.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Reply } from '../../../../src/core/types.ts';
import { validateCostForm } from '../../../../src/forms/cost-form.ts';
import {
  answerInConversation,
  answerInDm,
  logFailure,
  postInChannelViaUrl,
  replyPrivately,
  type SlackDeps,
  type WebClient,
} from '../../deliver.ts';
import { CHANNEL_PICKER, decodeOrigin, type ModalOrigin } from '../../ids.ts';
import { readCostForm } from '../../modals.ts';
import { homeKey } from '../../thread.ts';

type SubmitArgs = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** A private estimate: the card's response_url, else ephemeral in its thread, else the user's DM. */
async function sendPrivately(
  deps: SlackDeps,
  client: WebClient,
  reply: Reply,
  origin: ModalOrigin,
  who: { team: string; user: string; botUserId?: string },
  notice?: string,
): Promise<void> {
  try {
    if (origin.u) {
      return await replyPrivately(deps, reply, {
        url: origin.u,
        threadKey: origin.k,
        threadTs: origin.t,
        followUpVia: origin.t ? 'thread' : 'command',
        notice,
      });
    }
    if (origin.c && !notice) {
      return await answerInConversation(deps, client, reply, {
        team: who.team,
        channel: origin.c,
        user: who.user,
        threadTs: origin.t,
        threadKey: origin.k,
        isDm: origin.c.startsWith('D'),
        botUserId: who.botUserId,
      });
    }
  } catch (err) {
    // A response_url lasts 30 minutes; a slow form outlives it. The DM always works.
    logFailure(deps.logger, 'private estimate', err);
  }
  await answerInDm(deps, client, reply, { team: who.team, user: who.user, fromKey: origin.k, notice });
}

export function costEstimateSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client, context }: SubmitArgs): Promise<void> => {
    const result = validateCostForm(readCostForm(view.state.values), { defaultRegion: deps.defaultRegion });
    if (!result.ok) {
      // Block ids are the form's field ids, so each message shows under its own field.
      await ack({ response_action: 'errors', errors: result.errors as Record<string, string> });
      return;
    }
    await ack();
    const user = body.user.id;
    const team = body.team?.id ?? body.user.team_id ?? 'unknown';
    const origin = decodeOrigin(view.private_metadata) ?? { k: homeKey(team, user) };
    const who = { team, user, botUserId: context.botUserId };
    try {
      const reply = await deps.brain.handler.handleEstimate(origin.k, result.request);
      const picked =
        body.response_urls?.find((r) => r.action_id === CHANNEL_PICKER) ?? body.response_urls?.[0];
      if (!picked) return await sendPrivately(deps, client, reply, origin, who);
      try {
        // The picker's response_url posts where the user chose and may post, without the bot being a member.
        await postInChannelViaUrl(deps, picked.response_url, reply, user);
      } catch (err) {
        logFailure(deps.logger, 'posting an estimate to the chosen channel', err);
        const notice = `:warning: I could not post the estimate to <#${picked.channel_id}> (Slack refused it). If it is a private channel, invite me with \`/invite\`, then use *Post to channel* on the card below. Your estimate is kept here.`;
        await sendPrivately(deps, client, reply, origin, who, notice);
      }
    } catch (err) {
      logFailure(deps.logger, 'estimate from the form', err);
    }
  };
}
