// `npm run ask -- --slack "..."`: the exact payload the slash command would send, and a Block Kit Builder link.
import type { Reply } from '../../src/core/types.ts';
import { replyMessage, type SlackMessage } from './blocks.ts';
import { privateKey } from './thread.ts';

export const BLOCK_KIT_BUILDER = 'https://app.slack.com/block-kit-builder/';

export interface SlackPreview {
  payload: SlackMessage & { response_type: 'ephemeral' };
  builderUrl: string;
}

/** Renders a reply as `/ecs-vs-eks` would answer it (private, with Share), for ids that stand in for a workspace. */
export function slackPreview(reply: Reply, replyId?: string): SlackPreview {
  const message = replyMessage(reply, {
    visibility: 'private',
    replyId,
    threadKey: privateKey('T0PREVIEW', 'C0PREVIEW', 'U0PREVIEW'),
    followUpVia: 'command',
  });
  return {
    payload: { response_type: 'ephemeral', ...message },
    builderUrl: `${BLOCK_KIT_BUILDER}#${encodeURIComponent(JSON.stringify({ blocks: message.blocks }))}`,
  };
}
