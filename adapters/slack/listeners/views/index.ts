import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deliver.ts';
import { VIEWS } from '../../ids.ts';
import { costEstimateSubmit } from './cost-estimate.ts';
import { feedbackReasonView } from './feedback-reason.ts';

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(VIEWS.costEstimate, costEstimateSubmit(deps));
  app.view({ callback_id: VIEWS.feedbackReason, type: 'view_submission' }, feedbackReasonView(deps));
  app.view({ callback_id: VIEWS.feedbackReason, type: 'view_closed' }, feedbackReasonView(deps));
}
