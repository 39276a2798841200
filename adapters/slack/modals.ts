// Modals, built from the shared cost form (src/forms/cost-form.ts) so Slack and Teams ask the same questions.
import type { types } from '@slack/bolt';
import { COST_FORM_FIELDS, type CostFormFieldSpec, type CostFormValues } from '../../src/forms/cost-form.ts';
import { CHANNEL_PICKER, FEEDBACK_REASON, type ModalOrigin, VIEWS } from './ids.ts';
import { LIMITS, shorten } from './limits.ts';

const plain = (text: string, max: number = LIMITS.inputLabel): types.PlainTextElement => ({
  type: 'plain_text',
  text: shorten(text, max),
});

function option(o: { value: string; label: string }): types.PlainTextOption {
  return { text: plain(o.label, LIMITS.optionText), value: o.value };
}

/** Longest text the form validator accepts in a field; the input refuses more while typing. */
const MAX_INPUT_CHARS = 40;

function inputFor(spec: CostFormFieldSpec, defaultRegion: string): types.InputBlock {
  let element: types.InputBlock['element'];
  if (spec.kind === 'choice') {
    const options = (spec.options ?? []).slice(0, LIMITS.selectOptions).map(option);
    const initialValue = spec.initial ?? (spec.id === 'region' ? defaultRegion : undefined);
    const initial = options.find((o) => o.value === initialValue);
    element = {
      type: 'static_select',
      action_id: spec.id,
      options,
      ...(initial ? { initial_option: initial } : {}),
    };
  } else if (spec.kind === 'number') {
    element = {
      type: 'number_input',
      action_id: spec.id,
      // Fractions only where the smallest valid value is one (vCPU 0.25, memory 0.5 GB).
      is_decimal_allowed: spec.min !== undefined && !Number.isInteger(spec.min),
      ...(spec.initial ? { initial_value: spec.initial } : {}),
      ...(spec.min !== undefined ? { min_value: String(spec.min) } : {}),
      ...(spec.max !== undefined ? { max_value: String(spec.max) } : {}),
    };
  } else {
    element = {
      type: 'plain_text_input',
      action_id: spec.id,
      max_length: MAX_INPUT_CHARS,
      ...(spec.placeholder ? { placeholder: plain(spec.placeholder, LIMITS.placeholder) } : {}),
      ...(spec.initial ? { initial_value: spec.initial } : {}),
    };
  }
  return {
    type: 'input',
    block_id: spec.id,
    optional: spec.id !== 'compute',
    label: plain(spec.label),
    hint: plain(spec.hint, LIMITS.inputHint),
    element,
  };
}

/** The "Estimate cost" modal: every cost-form field, plus an optional channel to post the estimate to. */
export function costEstimateModal(origin: ModalOrigin, defaultRegion: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.costEstimate,
    title: plain('Estimate cost', LIMITS.viewTitle),
    submit: plain('Estimate', LIMITS.viewButton),
    close: plain('Cancel', LIMITS.viewButton),
    private_metadata: JSON.stringify(origin),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: 'Prices ECS and EKS side by side for the same workload. Fargate uses tasks, vCPU and memory; EC2 and Auto Mode use instance type and nodes.',
          },
        ],
      },
      ...COST_FORM_FIELDS.map((spec) => inputFor(spec, defaultRegion)),
      { type: 'divider' },
      {
        type: 'input',
        block_id: CHANNEL_PICKER,
        optional: true,
        label: plain('Post the estimate to'),
        hint: plain('Optional. Leave empty to see the estimate privately first; you can post it from there.'),
        element: {
          type: 'conversations_select',
          action_id: CHANNEL_PICKER,
          // Slack then hands us a response_url for the chosen conversation: posting needs no channel membership,
          // and Slack only offers conversations the user may post in.
          response_url_enabled: true,
          placeholder: plain('Choose a channel', LIMITS.placeholder),
          filter: { include: ['public', 'private', 'mpim', 'im'], exclude_bot_users: true },
        },
      },
    ],
  };
}

type StateValues = Record<string, Record<string, unknown> | undefined>;

function elementValue(values: unknown, id: string): unknown {
  if (!values || typeof values !== 'object') return undefined;
  return (values as StateValues)[id]?.[id];
}

/** view.state.values -> the strings the shared validator expects (missing or malformed values are left out). */
export function readCostForm(values: unknown): CostFormValues {
  const out: CostFormValues = {};
  for (const spec of COST_FORM_FIELDS) {
    const el = elementValue(values, spec.id) as
      | { value?: unknown; selected_option?: { value?: unknown } | null }
      | undefined;
    const v = el?.selected_option?.value ?? el?.value;
    if (typeof v === 'string') out[spec.id] = v;
  }
  return out;
}

export function readFeedbackReason(values: unknown): string | undefined {
  const el = elementValue(values, FEEDBACK_REASON) as { value?: unknown } | undefined;
  return typeof el?.value === 'string' && el.value.trim() ? el.value.trim().slice(0, 1000) : undefined;
}

/** A small modal after 👎: an optional reason. Closing it still records the 👎 (notify_on_close). */
export function feedbackModal(origin: ModalOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.feedbackReason,
    notify_on_close: true,
    title: plain('Feedback', LIMITS.viewTitle),
    submit: plain('Send', LIMITS.viewButton),
    close: plain('Skip', LIMITS.viewButton),
    private_metadata: JSON.stringify(origin),
    blocks: [
      {
        type: 'input',
        block_id: FEEDBACK_REASON,
        optional: true,
        label: plain('What was wrong or missing?'),
        hint: plain('Optional. It helps us fix the answer; your vote counts either way.'),
        element: { type: 'plain_text_input', action_id: FEEDBACK_REASON, multiline: true, max_length: 1000 },
      },
    ],
  };
}
