// "Export CSV" / "Export JSON" on an estimate: the file's text, privately, in code blocks the user can copy.
import { loadReply } from '../../../../src/core/reply-store.ts';
import { exportMessage } from '../../blocks.ts';
import { logFailure, notePrivately, postToResponseUrl, type SlackDeps } from '../../deliver.ts';
import { decodeValue } from '../../ids.ts';
import type { ButtonArgs } from './reply-action.ts';
import { EXPIRED } from './share.ts';

export function exportButton(deps: SlackDeps) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const format = action.action_id.endsWith('json') ? 'json' : 'csv';
    const value = decodeValue(action.value);
    const reply = value.r ? await loadReply(deps.brain.store, value.r) : undefined;
    if (!reply) return notePrivately(deps, body.response_url, EXPIRED);
    await postToResponseUrl(deps, body.response_url, {
      ...exportMessage(reply, format),
      response_type: 'ephemeral',
      replace_original: false,
    }).catch((err: unknown) => logFailure(deps.logger, 'export', err));
  };
}
