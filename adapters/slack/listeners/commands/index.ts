import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { COMMAND } from '../../ids.ts';
import { ecsVsEksCommand } from './ecs-vs-eks.ts';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(COMMAND, ecsVsEksCommand(deps));
}
