// The App Home tab is (re)published each time the user opens it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { logFailure, type SlackDeps } from '../../deliver.ts';
import { homeView } from '../../home.ts';
import { dmChannelKey } from '../../thread.ts';
import { eventTeam } from './answer-message.ts';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

const DM_CHANNEL_TTL_SECONDS = 30 * 24 * 3600;

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, body, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      if (event.channel) {
        await deps.brain.store.set(
          dmChannelKey(eventTeam(body), event.user),
          event.channel,
          DM_CHANNEL_TTL_SECONDS,
        );
      }
      await client.views.publish({ user_id: event.user, view: homeView() });
    } catch (err) {
      logFailure(deps.logger, 'publishing App Home', err);
    }
  };
}
