// The other cards: the welcome card, the cost-estimate form (built from the shared COST_FORM_FIELDS, with
// validateCostForm's errors under their fields) and the channel picker for "Post to channel".
import type { ReplyAction } from '../../src/core/types.ts';
import {
  COST_FORM_FIELDS,
  type CostFormField,
  type CostFormFieldSpec,
  type CostFormValues,
} from '../../src/forms/cost-form.ts';
import {
  type AdaptiveCard,
  actionSets,
  button,
  type CardElement,
  card,
  cardBytes,
  clip,
  escapeMarkdown,
  heading,
  type Scope,
  text,
} from './card-elements.ts';
import { COMMANDS } from './commands.ts';
import { MAX_CARD_BYTES } from './limits.ts';
import { actionData, CHANNEL_INPUT } from './submit.ts';

const WELCOME_ACTIONS: ReplyAction[] = [
  { kind: 'overview', label: 'Overview' },
  { kind: 'estimate', label: 'Estimate cost' },
  { kind: 'recommend', label: 'Help me choose' },
  { kind: 'help', label: 'Help' },
];

/** Sent once when the app is installed or the bot is added to a chat or team. */
export function welcomeCard(scope: Scope): AdaptiveCard {
  const how =
    scope === 'personal'
      ? 'Ask me anything about ECS and EKS in plain words, then follow up here.'
      : 'Mention me with your question, for example "@ECS vs EKS compare networking". I answer in the thread, and follow-ups there use what we already discussed.';
  return card(
    [
      text('ECS vs EKS', { size: 'Large', weight: 'Bolder', style: 'heading' }),
      text(
        'I compare Amazon ECS and Amazon EKS with cited facts, help you choose between them, and estimate monthly costs side by side, showing every assumption and price date.',
      ),
      text(how),
      heading('Commands'),
      { type: 'FactSet', facts: COMMANDS.map((c) => ({ title: c.title, value: c.description })) },
      heading('Examples'),
      ...[
        'how do pods get AWS credentials on eks?',
        'which should we choose? small team, no kubernetes experience',
        'cost 10 tasks with 1 vCPU and 2 GB on fargate in eu-west-1',
      ].map((e) => text(`“${escapeMarkdown(e)}”`, { spacing: 'Small' })),
      ...actionSets(WELCOME_ACTIONS.map((a) => button(a.label, actionData(a)))),
    ],
    'ECS vs EKS: I compare Amazon ECS and Amazon EKS, help you choose, and estimate monthly costs. Commands: help, compare, cost, recommend.',
  );
}

export type CostFormErrors = Partial<Record<CostFormField, string>>;

export interface CostFormOptions {
  defaultRegion: string;
  /** What the user submitted last time, so a correction keeps everything else. */
  values?: CostFormValues;
  errors?: CostFormErrors;
  /** A line above the form, e.g. "Priced: see the estimate below." */
  notice?: string;
}

function numberValue(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function formInput(spec: CostFormFieldSpec, value: string | undefined): CardElement {
  const base = { id: spec.id, label: spec.label };
  switch (spec.kind) {
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...base,
        style: 'compact',
        choices: (spec.options ?? []).map((o) => ({ title: o.label, value: o.value })),
        ...(value ? { value } : {}),
      };
    case 'number': {
      const n = numberValue(value);
      return {
        type: 'Input.Number',
        ...base,
        ...(spec.min !== undefined ? { min: spec.min } : {}),
        ...(spec.max !== undefined ? { max: spec.max } : {}),
        ...(n !== undefined ? { value: n } : {}),
        ...(spec.initial ? { placeholder: spec.initial } : {}),
        errorMessage: `Enter a number from ${spec.min ?? 0} to ${(spec.max ?? 0).toLocaleString('en-US')}.`,
      };
    }
    case 'text':
      return {
        type: 'Input.Text',
        ...base,
        maxLength: 40,
        ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
        ...(value ? { value } : {}),
      };
  }
}

/** The estimate form, built from COST_FORM_FIELDS; errors from validateCostForm show under their field. */
export function costFormCard(options: CostFormOptions): AdaptiveCard {
  const { values = {}, errors = {} } = options;
  const hasErrors = Object.keys(errors).length > 0;
  const body: CardElement[] = [
    text('Estimate the monthly cost of ECS vs EKS', { size: 'Large', weight: 'Bolder', style: 'heading' }),
    text(
      'Both sides are priced for the same workload, with every line item, assumption and price date. Fargate uses tasks, vCPU and memory; EC2 and Auto Mode use the instance type and node count.',
    ),
  ];
  if (options.notice) body.push(text(escapeMarkdown(options.notice), { color: 'Good', weight: 'Bolder' }));
  if (hasErrors) {
    body.push(
      text('Some values need fixing: see the notes under the fields.', {
        color: 'Attention',
        weight: 'Bolder',
      }),
    );
  }
  for (const spec of COST_FORM_FIELDS) {
    const submitted = values[spec.id];
    const value =
      submitted !== undefined && submitted !== ''
        ? submitted
        : spec.id === 'region'
          ? options.defaultRegion
          : spec.initial;
    body.push(formInput(spec, value));
    body.push(text(escapeMarkdown(spec.hint), { isSubtle: true, size: 'Small', spacing: 'None' }));
    const error = errors[spec.id];
    if (error) {
      body.push(
        text(`⚠ ${escapeMarkdown(error)}`, {
          color: 'Attention',
          size: 'Small',
          spacing: 'None',
          weight: 'Bolder',
        }),
      );
    }
  }
  body.push({
    type: 'ActionSet',
    actions: [button('Estimate', { verb: 'estimate', errorsShown: hasErrors })],
  });
  const fallback = hasErrors
    ? `Cost estimate form. Fix: ${Object.entries(errors)
        .map(([f, e]) => `${f}: ${e}`)
        .join(' ')}`
    : 'Cost estimate form: compute, tasks, vCPU, memory, instance type, nodes, region, clusters, support and hours.';
  return card(body, fallback);
}

export interface ChannelChoice {
  /** `<teamId>|<channelId>`, checked again on submit. */
  value: string;
  title: string;
}

/**
 * From a personal or group chat: pick a channel of a team where the bot is installed. Teams with hundreds of
 * channels would push the card past MAX_CARD_BYTES (Teams refuses such a message), so the list is cut to fit
 * and the card says how many are not listed.
 */
export function channelPickerCard(replyId: string, title: string, choices: ChannelChoice[]): AdaptiveCard {
  const build = (shown: ChannelChoice[]) => {
    const hidden = choices.length - shown.length;
    return card(
      [
        text('Post to a channel', { size: 'Large', weight: 'Bolder', style: 'heading' }),
        text(`Choose where to post “${escapeMarkdown(clip(title, 120))}”. It appears as a new post.`),
        {
          type: 'Input.ChoiceSet',
          id: CHANNEL_INPUT,
          label: 'Channel',
          style: 'compact',
          isRequired: true,
          errorMessage: 'Choose a channel.',
          choices: shown.map((c) => ({ title: clip(c.title, 120), value: c.value })),
          ...(shown.length === 1 ? { value: shown[0]!.value } : {}),
        },
        ...(hidden > 0
          ? [
              text(
                `${hidden} more channels are not listed. To post in one of them, mention me in that channel and press "Post to channel" on the answer there.`,
                { isSubtle: true, size: 'Small' },
              ),
            ]
          : []),
        { type: 'ActionSet', actions: [button('Post', { verb: 'postTo', replyId })] },
      ],
      `Choose a channel to post "${title}" to: ${shown.map((c) => c.title).join(', ')}.`,
    );
  };
  let shown = choices;
  let built = build(shown);
  while (cardBytes(built) > MAX_CARD_BYTES && shown.length > 1) {
    shown = shown.slice(0, Math.max(1, Math.floor(shown.length * 0.9)));
    built = build(shown);
  }
  return built;
}
