import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { message } from './message.ts';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('message', message(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
