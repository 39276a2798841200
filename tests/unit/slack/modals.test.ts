import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { homeView } from '../../../adapters/slack/home.ts';
import { decodeOrigin } from '../../../adapters/slack/ids.ts';
import { checkView } from '../../../adapters/slack/limits.ts';
import {
  costEstimateModal,
  feedbackModal,
  readCostForm,
  readFeedbackReason,
} from '../../../adapters/slack/modals.ts';
import { COST_FORM_FIELDS, validateCostForm } from '../../../src/forms/cost-form.ts';

const origin = { k: 'slack:T1:C1:user-U1', c: 'C1', u: 'https://hooks.slack.com/actions/T1/1/abc' };

describe('Slack modals and App Home', () => {
  it('the estimate modal has one input per shared form field, within view limits', () => {
    const view = costEstimateModal(origin, 'eu-west-1');
    expect(checkView(view)).toEqual([]);
    const inputs = view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual([...COST_FORM_FIELDS.map((f) => f.id), 'post_channel']);
    const region = inputs.find((b) => b.block_id === 'region') as unknown as {
      element: { initial_option?: { value: string } };
    };
    expect(region.element.initial_option?.value).toBe('eu-west-1');
    expect(decodeOrigin(view.private_metadata)).toEqual(origin);
  });

  it('the modal initial values are a valid estimate as they stand', () => {
    const view = costEstimateModal(origin, 'us-east-1');
    // What Slack would submit if the user pressed Estimate without touching anything.
    const values: Record<string, Record<string, unknown>> = {};
    for (const block of view.blocks as types.KnownBlock[]) {
      if (block.type !== 'input') continue;
      const el = block.element as {
        action_id: string;
        initial_option?: { value: string };
        initial_value?: string;
      };
      values[block.block_id!] = {
        [el.action_id]: el.initial_option
          ? { type: 'static_select', selected_option: el.initial_option }
          : { type: 'number_input', value: el.initial_value ?? null },
      };
    }
    const result = validateCostForm(readCostForm(values), { defaultRegion: 'us-east-1' });
    expect(result.ok).toBe(true);
  });

  it('reads hostile or missing state values as missing, never throws', () => {
    expect(readCostForm(undefined)).toEqual({});
    expect(
      readCostForm({
        tasks: { tasks: { value: 5 } },
        vcpu: null,
        region: { region: { selected_option: null } },
      }),
    ).toEqual({});
    expect(readFeedbackReason({ reason: { reason: { value: '   ' } } })).toBeUndefined();
    expect(readFeedbackReason({ reason: { reason: { value: 'x'.repeat(5000) } } })).toHaveLength(1000);
  });

  it('the feedback modal asks for an optional reason and reports a close', () => {
    const view = feedbackModal({ k: origin.k, r: '0b7c3a56-1b7e-4a47-9a51-0d5f0c5d2a11' });
    expect(checkView(view)).toEqual([]);
    expect(view.notify_on_close).toBe(true);
    expect(view.blocks[0]).toMatchObject({ type: 'input', optional: true, block_id: 'reason' });
  });

  it('App Home: what the bot does, examples, and overview / estimate / help-me-choose buttons', () => {
    const view = homeView();
    expect(checkView(view)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toMatch(/Examples/);
    expect(text).toContain('/ecs-vs-eks');
    const ids = (view.blocks as types.KnownBlock[])
      .flatMap((b) => (b.type === 'actions' ? b.elements : []))
      .map((e) => (e as { action_id: string }).action_id);
    expect(ids).toEqual(['reply:overview:0', 'estimate:1', 'reply:recommend:2', 'reply:help:3']);
  });
});
