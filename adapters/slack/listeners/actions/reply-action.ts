// Topic, "More detail", "Why?", "Overview", "Help me choose" and "Help" buttons: the brain answers the action
// in the thread the button belongs to, and the answer goes back where the button was.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Inbound, Reply, ReplyAction } from '../../../../src/core/types.ts';
import {
  answerInConversation,
  answerInDm,
  logFailure,
  notePrivately,
  replyPrivately,
  type SlackDeps,
  type WebClient,
} from '../../deliver.ts';
import { decodeValue } from '../../ids.ts';
import { type ActionOrigin, actionOrigin } from './origin.ts';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export const SORRY = ':warning: Sorry, something went wrong on my side. Please try again in a moment.';

/** `reply:<kind>:<n>` + the button's label and topic -> the brain's ReplyAction (undefined if it makes no sense). */
export function toReplyAction(
  kind: string | undefined,
  label: string,
  topicId?: string,
): ReplyAction | undefined {
  switch (kind) {
    case 'topic':
    case 'more':
    case 'why':
      return topicId ? { kind, label, topicId } : undefined;
    case 'overview':
    case 'recommend':
    case 'help':
      return { kind, label };
    default:
      return undefined;
  }
}

/** Sends a reply to wherever the clicked button lives. */
export async function answerAt(
  deps: SlackDeps,
  client: WebClient,
  reply: Reply,
  origin: ActionOrigin,
  botUserId?: string,
): Promise<void> {
  if (origin.surface === 'home' || (origin.surface === 'private' && !origin.responseUrl)) {
    return answerInDm(deps, client, reply, {
      team: origin.team,
      user: origin.user,
      fromKey: origin.threadKey,
    });
  }
  if (origin.surface === 'private') {
    return replyPrivately(deps, reply, {
      url: origin.responseUrl!,
      threadKey: origin.threadKey,
      threadTs: origin.threadTs,
      followUpVia: origin.threadTs ? 'thread' : 'command',
    });
  }
  return answerInConversation(deps, client, reply, {
    team: origin.team,
    channel: origin.channel!,
    user: origin.user,
    threadTs: origin.threadTs,
    threadKey: origin.threadKey,
    isDm: origin.isDm,
    botUserId,
    fallbackUrl: origin.responseUrl,
  });
}

export function replyActionButton(deps: SlackDeps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    const origin = actionOrigin(body, value);
    const label = action.text?.text ?? '';
    const replyAction = toReplyAction(action.action_id.split(':')[1], label, value.p);
    // A button we cannot decode (old card, unknown topic) is answered like its label typed as a question.
    const inbound: Inbound = replyAction
      ? { text: '', userId: origin.user, threadKey: origin.threadKey, action: replyAction }
      : { text: label, userId: origin.user, threadKey: origin.threadKey };
    try {
      const reply = await deps.brain.handler.handle(inbound);
      await answerAt(deps, client, reply, origin, context.botUserId);
    } catch (err) {
      logFailure(deps.logger, 'button answer', err);
      await notePrivately(deps, origin.responseUrl, SORRY);
    }
  };
}
