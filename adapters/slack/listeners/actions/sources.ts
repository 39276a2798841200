// "All N sources": a card that had to shorten its source list shows every source, privately.
import { loadReply } from '../../../../src/core/reply-store.ts';
import { sourcesMessage } from '../../blocks.ts';
import { logFailure, notePrivately, postToResponseUrl, type SlackDeps } from '../../deliver.ts';
import { decodeValue } from '../../ids.ts';
import type { ButtonArgs } from './reply-action.ts';
import { EXPIRED } from './share.ts';

export function sourcesButton(deps: SlackDeps) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    const reply = value.r ? await loadReply(deps.brain.store, value.r) : undefined;
    if (!reply) return notePrivately(deps, body.response_url, EXPIRED);
    await postToResponseUrl(deps, body.response_url, {
      ...sourcesMessage(reply),
      response_type: 'ephemeral',
      replace_original: false,
    }).catch((err: unknown) => logFailure(deps.logger, 'sources', err));
  };
}
