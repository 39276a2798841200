// Wires every listener: one file per handler, one index per kind (the bolt-ts-starter-template layout).
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deliver.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
