// "Estimate cost" buttons (cards, App Home): open the modal at once, inside the 3-second trigger window.
import { logFailure, notePrivately, type SlackDeps, slackErrorCode, type WebClient } from '../../deliver.ts';
import { decodeValue, type ModalOrigin } from '../../ids.ts';
import { costEstimateModal } from '../../modals.ts';
import { actionOrigin } from './origin.ts';
import type { ButtonArgs } from './reply-action.ts';

/**
 * Opens the estimate modal. Call it right after ack() with nothing slow in between: a trigger_id expires
 * 3 seconds after the click (`expired_trigger_id`).
 */
export async function openCostModal(
  deps: SlackDeps,
  client: WebClient,
  triggerId: string,
  origin: ModalOrigin,
  responseUrl?: string,
): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view: costEstimateModal(origin, deps.defaultRegion) });
  } catch (err) {
    logFailure(deps.logger, 'opening the estimate form', err);
    const why = slackErrorCode(err) ?? 'Slack did not answer';
    await notePrivately(
      deps,
      responseUrl,
      `:warning: I could not open the estimate form (${why}). Press the button again, or type it: \`/ecs-vs-eks cost 10 tasks 1 vCPU 2 GB in eu-west-1\`.`,
    );
  }
}

export function openEstimateButton(deps: SlackDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const origin = actionOrigin(body, decodeValue(action.value));
    await openCostModal(
      deps,
      client,
      body.trigger_id,
      {
        k: origin.threadKey,
        // Where the private estimate goes when no channel is picked: the private card's response_url, else an
        // ephemeral message in the thread of a public card, else (App Home) the user's DM.
        ...(origin.surface === 'home' ? {} : { c: origin.channel, t: origin.threadTs }),
        ...(origin.surface === 'private' && origin.responseUrl ? { u: origin.responseUrl } : {}),
      },
      origin.responseUrl,
    );
  };
}
