import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { ACTIONS } from '../../ids.ts';
import { exportButton } from './export.ts';
import { feedbackDownButton, feedbackUpButton } from './feedback.ts';
import { openEstimateButton } from './open-estimate.ts';
import { replyActionButton } from './reply-action.ts';
import { shareButton } from './share.ts';
import { sourcesButton } from './sources.ts';

/** Every action_id we handle; anything else is dropped politely. */
const KNOWN = `${ACTIONS.reply}:|${ACTIONS.estimate}:|${ACTIONS.share}$|${ACTIONS.export}:|${ACTIONS.sources}$|feedback:`;

export function registerActions(app: App, deps: SlackDeps): void {
  const on = (id: string | RegExp, listener: Parameters<typeof app.action<BlockAction<ButtonAction>>>[1]) =>
    app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: id }, listener);
  on(new RegExp(`^${ACTIONS.reply}:`), replyActionButton(deps));
  on(new RegExp(`^${ACTIONS.estimate}:`), openEstimateButton(deps));
  on(ACTIONS.share, shareButton(deps));
  on(/^export:(csv|json)$/, exportButton(deps));
  on(ACTIONS.sources, sourcesButton(deps));
  on(ACTIONS.feedbackUp, feedbackUpButton(deps));
  on(ACTIONS.feedbackDown, feedbackDownButton(deps));
  // Anything else (an old card, a forged payload) is acknowledged and dropped, so Slack shows no error.
  app.action({ type: 'block_actions', action_id: new RegExp(`^(?!${KNOWN})`) }, async ({ ack, action }) => {
    await ack();
    deps.logger.debug('slack: unknown action', { action_id: (action as { action_id?: string }).action_id });
  });
}
