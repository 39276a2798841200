// The Teams bot: turns Teams activities into Inbound for the shared handler and sends the Reply as a card.
// Routing only; rendering lives in cards.ts and channel posting in post.ts.
import { type ConversationReference, TeamsActivityHandler, TurnContext } from 'botbuilder';
import type { Brain } from '../../src/brain.ts';
import { ThreadContexts } from '../../src/core/context.ts';
import { loadReply, REPLY_TTL_SECONDS, saveReply } from '../../src/core/reply-store.ts';
import type { Reply, ReplyAction } from '../../src/core/types.ts';
import { recordFeedback } from '../../src/feedback.ts';
import { COST_FORM_FIELDS, type CostFormValues, validateCostForm } from '../../src/forms/cost-form.ts';
import type { Logger } from '../../src/log.ts';
import {
  channelDataOf,
  cleanText,
  isBotMentioned,
  scopeOf,
  tenantOf,
  threadKeyOf,
  userIdOf,
} from './activity.ts';
import { renderReplyCard } from './cards.ts';
import { costFormCard, welcomeCard } from './form-cards.ts';
import { TeamInstalls } from './installs.ts';
import { DEDUPE_TTL_SECONDS } from './limits.ts';
import {
  offerChannels,
  type PostDeps,
  postFromChannel,
  postToChosenChannel,
  rememberEstimateRequest,
} from './post.ts';
import { cardActivity, plainActivity, replaceOrSend, replyActivity } from './send.ts';
import { parseSubmit, REASON_INPUT, type Submit } from './submit.ts';

export interface TeamsBotDeps {
  brain: Brain;
  logger: Logger;
  /** Needed for proactive channel posts under CloudAdapter; a placeholder in local mode. */
  botAppId: string;
  defaultRegion: string;
  contextTtlSeconds: number;
}

/** Install events arrive twice (conversationUpdate and installationUpdate); one welcome is enough. */
const WELCOME_TTL_SECONDS = 60;

const EXPIRED =
  'That answer is older than 24 hours, so I no longer have it. Ask again and use the buttons on the new answer.';

export class EcsVsEksTeamsBot extends TeamsActivityHandler {
  private readonly installs: TeamInstalls;
  private readonly contexts: ThreadContexts;
  private readonly post: PostDeps;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    const store = deps.brain.store;
    this.installs = new TeamInstalls(store);
    this.contexts = new ThreadContexts(store, deps.contextTtlSeconds);
    this.post = {
      store,
      logger: deps.logger,
      installs: this.installs,
      botAppId: deps.botAppId,
      contextTtlSeconds: deps.contextTtlSeconds,
    };
    this.onMessage(async (ctx, next) => {
      await this.handleMessage(ctx);
      await next();
    });
    // Handled here without next(): the Teams dispatch behind it would call TeamsInfo.getMember per member.
    this.onConversationUpdate(async (ctx) => this.handleMembership(ctx));
    this.onInstallationUpdate(async (ctx, next) => {
      await this.handleInstallation(ctx);
      await next();
    });
  }

  /** Teams re-sends an activity when a turn is slow; each id is handled once, after authentication. */
  override async run(ctx: TurnContext): Promise<void> {
    const { id, conversation } = ctx.activity;
    if (id && conversation?.id) {
      const first = await this.deps.brain.store.firstSeen(
        `teams:seen:${conversation.id}:${id}`,
        DEDUPE_TTL_SECONDS,
      );
      if (!first) {
        this.deps.logger.debug('teams duplicate activity ignored', { type: ctx.activity.type });
        return;
      }
    }
    await super.run(ctx);
  }

  // -------------------------------------------------------------------------------------------------------
  // Messages

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const activity = ctx.activity;
    if (activity.value !== undefined && activity.value !== null) {
      await this.handleSubmit(ctx, activity.value);
      return;
    }
    const scope = scopeOf(activity);
    const threadKey = threadKeyOf(activity);
    const unmentioned = scope !== 'personal' && !isBotMentioned(activity);
    if (unmentioned) {
      // In channels the app may receive every message (resource-specific consent); it answers follow-ups
      // only in threads it already takes part in. Group chats need a mention, as Teams itself requires.
      if (scope !== 'channel' || !(await this.threadActive(threadKey))) return;
    }
    if (scope === 'channel') await this.rememberTeam(ctx);
    const reply = await this.deps.brain.handler.handle({
      text: cleanText(activity),
      userId: userIdOf(activity),
      threadKey,
    });
    // People also talk to each other in the bot's threads: without a mention, chatter gets no answer.
    if (unmentioned && reply.intent === 'unknown') {
      this.deps.logger.debug('teams message ignored', { reason: 'not about ECS or EKS' });
      return;
    }
    await this.sendReply(ctx, reply);
  }

  private async threadActive(threadKey: string): Promise<boolean> {
    return (await this.deps.brain.store.get(ThreadContexts.key(threadKey))) !== undefined;
  }

  /** Saves the reply (for its buttons), renders it, and sends it into the same thread. */
  private async sendReply(ctx: TurnContext, reply: Reply): Promise<void> {
    const store = this.deps.brain.store;
    const replyId = await saveReply(store, reply);
    if (reply.estimate !== undefined) {
      const context = await this.contexts.load(threadKeyOf(ctx.activity));
      await rememberEstimateRequest(store, replyId, context.lastCost);
    }
    const rendered = renderReplyCard(reply, { scope: scopeOf(ctx.activity), replyId });
    await ctx.sendActivity(replyActivity(rendered, reply));
  }

  // -------------------------------------------------------------------------------------------------------
  // Card submits

  private async handleSubmit(ctx: TurnContext, value: unknown): Promise<void> {
    const parsed = parseSubmit(value);
    if (!parsed.ok) {
      this.deps.logger.info('teams unknown card submit', { verb: parsed.verb });
      await ctx.sendActivity(
        plainActivity(
          "That button doesn't work any more (it may be from an older version of this app). Type help to see what I can do.",
        ),
      );
      return;
    }
    const submit = parsed.submit;
    switch (submit.verb) {
      case 'action':
        return this.handleAction(ctx, submit.action);
      case 'estimate':
        return this.handleCostForm(ctx, submit);
      case 'post':
      case 'postTo':
      case 'export':
      case 'feedback': {
        const reply = await loadReply(this.deps.brain.store, submit.replyId);
        if (!reply) {
          await ctx.sendActivity(plainActivity(EXPIRED));
          return;
        }
        if (submit.verb === 'post') {
          if (scopeOf(ctx.activity) === 'channel')
            return postFromChannel(ctx, this.post, reply, submit.replyId);
          return offerChannels(ctx, this.post, reply, submit.replyId);
        }
        if (submit.verb === 'postTo') {
          return postToChosenChannel(ctx, this.post, reply, submit.replyId, submit.targetChannel);
        }
        if (submit.verb === 'export') return this.handleExport(ctx, reply, submit.format);
        return this.handleFeedback(ctx, reply, submit);
      }
    }
  }

  private async handleAction(ctx: TurnContext, action: ReplyAction): Promise<void> {
    if (action.kind === 'estimate') {
      // In Teams "Estimate cost" opens the form card (the Slack modal's counterpart).
      const form = costFormCard({ defaultRegion: this.deps.defaultRegion });
      await ctx.sendActivity(cardActivity(form, 'Estimate the monthly cost of ECS vs EKS'));
      return;
    }
    const activity = ctx.activity;
    const reply = await this.deps.brain.handler.handle({
      text: '',
      userId: userIdOf(activity),
      threadKey: threadKeyOf(activity),
      action,
    });
    await this.sendReply(ctx, reply);
  }

  /** Form values arrive as strings (numbers from some clients); the server validates them all again. */
  private async handleCostForm(
    ctx: TurnContext,
    submit: Extract<Submit, { verb: 'estimate' }>,
  ): Promise<void> {
    const raw = submit as Record<string, unknown>;
    const values: CostFormValues = {};
    for (const spec of COST_FORM_FIELDS) {
      const v = raw[spec.id];
      if (typeof v === 'string') values[spec.id] = v;
      else if (typeof v === 'number' && Number.isFinite(v)) values[spec.id] = String(v);
    }
    const defaultRegion = this.deps.defaultRegion;
    const result = validateCostForm(values, { defaultRegion });
    if (!result.ok) {
      const form = costFormCard({ defaultRegion, values, errors: result.errors });
      await replaceOrSend(ctx, cardActivity(form, 'Some values need fixing'));
      return;
    }
    if (submit.errorsShown && ctx.activity.replyToId) {
      const clean = costFormCard({
        defaultRegion,
        values,
        notice: 'Priced: the estimate is below. Change any value and press Estimate again to compare.',
      });
      await replaceOrSend(ctx, cardActivity(clean, 'Cost estimate form'));
    }
    const reply = await this.deps.brain.handler.handleEstimate(threadKeyOf(ctx.activity), result.request);
    await this.sendReply(ctx, reply);
  }

  private async handleExport(ctx: TurnContext, reply: Reply, format: 'csv' | 'json'): Promise<void> {
    const file = reply.exports?.find((f) => f.filename.endsWith(`.${format}`));
    if (!file) {
      await ctx.sendActivity(plainActivity('That answer has nothing to export.'));
      return;
    }
    await ctx.sendActivity({
      type: 'message',
      textFormat: 'markdown',
      text: `**${file.filename}** (copy it into a file or spreadsheet)\n\n\`\`\`\n${file.content}\n\`\`\``,
    });
  }

  private async handleFeedback(
    ctx: TurnContext,
    reply: Reply,
    submit: Extract<Submit, { verb: 'feedback' }>,
  ): Promise<void> {
    const activity = ctx.activity;
    const reason = submit[REASON_INPUT]?.trim();
    // A double click or a replayed submit counts once per answer, user and vote.
    const once = `teams:vote:${submit.replyId}:${userIdOf(activity).slice(0, 200)}:${submit.vote}`;
    if (!(await this.deps.brain.store.firstSeen(once, REPLY_TTL_SECONDS))) {
      await ctx.sendActivity(plainActivity('You already rated this answer. Thanks!'));
      return;
    }
    await recordFeedback(this.deps.brain.store, {
      platform: 'teams',
      user: userIdOf(activity).slice(0, 200),
      threadKey: threadKeyOf(activity).slice(0, 500),
      vote: submit.vote,
      ...(reason ? { reason } : {}),
      intent: reply.intent,
      topics: reply.topics.slice(0, 20),
      title: reply.title.slice(0, 300),
    });
    const rendered = renderReplyCard(reply, {
      scope: scopeOf(activity),
      replyId: submit.replyId,
      posted: submit.posted ?? false,
      feedback: submit.vote,
    });
    if (rendered.kind === 'card' && activity.replyToId) {
      const how = await replaceOrSend(ctx, replyActivity(rendered, reply));
      if (how === 'updated') return;
    }
    await ctx.sendActivity(plainActivity('Thanks for the feedback.'));
  }

  // -------------------------------------------------------------------------------------------------------
  // Install, add and remove

  private async handleMembership(ctx: TurnContext): Promise<void> {
    const { membersAdded, membersRemoved, recipient } = ctx.activity;
    if (membersAdded?.some((m) => m.id === recipient?.id)) await this.botAdded(ctx);
    if (membersRemoved?.some((m) => m.id === recipient?.id)) await this.botRemoved(ctx);
  }

  private async handleInstallation(ctx: TurnContext): Promise<void> {
    const action = ctx.activity.action;
    if (action === 'add') await this.botAdded(ctx);
    else if (action === 'add-upgrade') await this.rememberTeam(ctx);
    else if (action === 'remove') await this.botRemoved(ctx);
  }

  private async botAdded(ctx: TurnContext): Promise<void> {
    await this.rememberTeam(ctx);
    const conversationId = ctx.activity.conversation?.id;
    if (!conversationId) return;
    if (await this.deps.brain.store.firstSeen(`teams:welcomed:${conversationId}`, WELCOME_TTL_SECONDS)) {
      const card = welcomeCard(scopeOf(ctx.activity));
      await ctx.sendActivity(cardActivity(card, 'ECS vs EKS: compare, choose and estimate costs'));
    }
  }

  private async botRemoved(ctx: TurnContext): Promise<void> {
    const teamId = channelDataOf(ctx.activity).team?.id;
    if (teamId) await this.installs.remove(tenantOf(ctx.activity), teamId);
  }

  /** Saves the team's conversation reference, so the personal-chat picker can post to its channels. */
  private async rememberTeam(ctx: TurnContext): Promise<void> {
    const activity = ctx.activity;
    const team = channelDataOf(activity).team;
    if (!team?.id) return;
    const tenant = tenantOf(activity);
    const known = await this.installs.get(tenant, team.id);
    if (known && (known.name === team.name || !team.name)) return;
    const reference: Partial<ConversationReference> = TurnContext.getConversationReference(activity);
    delete reference.activityId;
    // The General channel's id is the team id: a thread-free reference to the team.
    reference.conversation = {
      id: team.id,
      isGroup: true,
      conversationType: 'channel',
      tenantId: activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id,
      name: team.name ?? '',
    };
    await this.installs.save(tenant, { teamId: team.id, name: team.name, reference });
  }
}
