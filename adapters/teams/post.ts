// "Post to channel": a new top-level post in a Teams channel, from a channel thread or, through a picker,
// from a personal or group chat. The user is told exactly what went wrong, and the answer is never lost.
import { type Activity, type ChannelInfo, type CloudAdapter, TeamsInfo, type TurnContext } from 'botbuilder';
import { ThreadContexts } from '../../src/core/context.ts';
import { REPLY_TTL_SECONDS } from '../../src/core/reply-store.ts';
import type { Reply, ThreadContext } from '../../src/core/types.ts';
import type { Logger } from '../../src/log.ts';
import type { Store } from '../../src/state/store.ts';
import { channelIdOf, scopeOf, tenantOf } from './activity.ts';
import { renderReplyCard } from './cards.ts';
import { type ChannelChoice, channelPickerCard } from './form-cards.ts';
import type { TeamInstalls, TeamRecord } from './installs.ts';
import { cardActivity, plainActivity, replyActivity, statusOf } from './send.ts';

export interface PostDeps {
  store: Store;
  logger: Logger;
  installs: TeamInstalls;
  /** Required by TeamsInfo.sendMessageToTeamsChannel under CloudAdapter; a placeholder in local mode. */
  botAppId: string;
  contextTtlSeconds: number;
}

/** Teams offered in one picker; each costs two connector calls. */
const MAX_TEAMS_IN_PICKER = 20;
const CHOICE_SEPARATOR = '|';

/** The cost request behind an estimate reply, so a posted estimate can be re-priced in its new thread. */
const requestKey = (replyId: string) => `teams:estimate-request:${replyId}`;

export async function rememberEstimateRequest(
  store: Store,
  replyId: string,
  request: unknown,
): Promise<void> {
  if (request !== undefined) await store.set(requestKey(replyId), request, REPLY_TTL_SECONDS);
}

/** The new post starts a thread; seed its context so "make it 20 tasks" or "why?" work there too. */
async function seedThread(deps: PostDeps, threadKey: string, reply: Reply, replyId: string): Promise<void> {
  const request = await deps.store.get(requestKey(replyId));
  const context: ThreadContext = { turns: 0, lastIntent: reply.intent };
  if (request !== undefined) context.lastCost = request;
  if (reply.intent === 'topic' && reply.topics.length === 1) context.lastTopic = reply.topics[0];
  await new ThreadContexts(deps.store, deps.contextTtlSeconds).save(threadKey, context);
}

function failureMessage(err: unknown, where: string): string {
  const status = statusOf(err);
  if (status === 401 || status === 403) {
    return `I'm not allowed to post in ${where}. Ask a team owner to add the ECS vs EKS app to that team (Apps > Manage apps in the team), and check that the channel lets everyone post.`;
  }
  if (status === 404) {
    return `I couldn't find ${where}: the channel may have been deleted, or the app was removed from the team. Add the app to the team again, then press "Post to channel".`;
  }
  return `Teams didn't accept the post to ${where} just now. Try "Post to channel" again in a minute.`;
}

/** Tells the user why posting failed and shows the answer again right there, so nothing is lost. */
async function reportFailure(
  ctx: TurnContext,
  message: string,
  reply: Reply,
  replyId: string,
): Promise<void> {
  const rendered = renderReplyCard(reply, { scope: scopeOf(ctx.activity), replyId });
  await ctx.sendActivity(replyActivity(rendered, reply, `${message} Your answer is kept below.`));
}

/**
 * One post per answer and channel: a double click sends two submits (two activity ids), which must not make
 * two posts. Released when the post fails, so the button works again once the cause is fixed.
 */
const postedKey = (replyId: string, channelId: string) => `teams:posted:${replyId}:${channelId}`;
const ALREADY_POSTED = (where: string) => `That answer is already posted to ${where}.`;

async function claimPost(deps: PostDeps, replyId: string, channelId: string): Promise<boolean> {
  return deps.store.firstSeen(postedKey(replyId, channelId), REPLY_TTL_SECONDS);
}

async function releasePost(deps: PostDeps, replyId: string, channelId: string): Promise<void> {
  await deps.store.delete(postedKey(replyId, channelId)).catch(() => undefined);
}

/** Posts the reply as a new top-level post in a channel, reachable through `ctx`. */
async function post(
  ctx: TurnContext,
  deps: PostDeps,
  reply: Reply,
  replyId: string,
  channelId: string,
  tenant: string,
): Promise<string> {
  const rendered = renderReplyCard(reply, { scope: 'channel', replyId, posted: true });
  const [reference] = await TeamsInfo.sendMessageToTeamsChannel(
    ctx,
    replyActivity(rendered, reply) as Activity,
    channelId,
    deps.botAppId,
  );
  const conversationId = reference.conversation?.id;
  if (conversationId) {
    await seedThread(deps, `teams:${tenant}:${conversationId}`, reply, replyId);
  }
  return conversationId ?? channelId;
}

/** From a channel thread: a new top-level post in the same channel. */
export async function postFromChannel(
  ctx: TurnContext,
  deps: PostDeps,
  reply: Reply,
  replyId: string,
): Promise<void> {
  const channelId = channelIdOf(ctx.activity);
  if (!channelId) {
    await ctx.sendActivity(
      plainActivity('I could not tell which channel this is. Try again from the channel.'),
    );
    return;
  }
  if (!(await claimPost(deps, replyId, channelId))) {
    await ctx.sendActivity(plainActivity(ALREADY_POSTED('this channel')));
    return;
  }
  try {
    await post(ctx, deps, reply, replyId, channelId, tenantOf(ctx.activity));
    await ctx.sendActivity(plainActivity('Posted to this channel as a new post.'));
  } catch (err) {
    await releasePost(deps, replyId, channelId);
    deps.logger.warn('teams channel post failed', { status: statusOf(err), error: (err as Error).message });
    await reportFailure(ctx, failureMessage(err, 'this channel'), reply, replyId);
  }
}

/**
 * Runs `fn` in a turn for the team's saved conversation reference (its own serviceUrl). Errors come back to
 * the caller instead of the adapter's onTurnError, which would announce them in the team's General channel.
 */
async function inTeam<T>(
  ctx: TurnContext,
  deps: PostDeps,
  team: TeamRecord,
  fn: (teamCtx: TurnContext) => Promise<T>,
): Promise<T> {
  const adapter = ctx.adapter as CloudAdapter;
  const box: { outcome?: { ok: true; value: T } | { ok: false; error: unknown } } = {};
  await adapter.continueConversationAsync(deps.botAppId, team.reference, async (teamCtx) => {
    try {
      box.outcome = { ok: true, value: await fn(teamCtx) };
    } catch (error) {
      box.outcome = { ok: false, error };
    }
  });
  const outcome = box.outcome ?? { ok: false, error: new Error('the team turn did not run') };
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** The team's channels, only if the user is a member of the team (Teams answers 404 otherwise). */
async function channelsForMember(
  ctx: TurnContext,
  deps: PostDeps,
  team: TeamRecord,
): Promise<ChannelInfo[] | undefined> {
  const userId = ctx.activity.from?.id;
  if (!userId) return undefined;
  try {
    return await inTeam(ctx, deps, team, async (teamCtx) => {
      await TeamsInfo.getTeamMember(teamCtx, team.teamId, userId);
      const channels = await TeamsInfo.getTeamChannels(teamCtx, team.teamId);
      return channels.length ? channels : [{ id: team.teamId }];
    });
  } catch (err) {
    deps.logger.debug('teams team skipped in picker', { status: statusOf(err) });
    return undefined;
  }
}

const channelName = (c: ChannelInfo, teamId: string) => c.name || (c.id === teamId ? 'General' : 'Channel');

/** From a personal or group chat: offer the channels of teams where the bot is installed and the user is. */
export async function offerChannels(
  ctx: TurnContext,
  deps: PostDeps,
  reply: Reply,
  replyId: string,
): Promise<void> {
  const teams = (await deps.installs.list(tenantOf(ctx.activity))).slice(0, MAX_TEAMS_IN_PICKER);
  const choices: ChannelChoice[] = [];
  for (const team of teams) {
    const channels = await channelsForMember(ctx, deps, team);
    for (const c of channels ?? []) {
      if (!c.id) continue;
      choices.push({
        value: `${team.teamId}${CHOICE_SEPARATOR}${c.id}`,
        title: `${team.name ?? 'Team'} › ${channelName(c, team.teamId)}`,
      });
    }
  }
  if (choices.length === 0) {
    const message =
      teams.length === 0
        ? 'To post to a channel, first add the ECS vs EKS app to a team: in Teams, open Apps, find ECS vs EKS, choose "Add to a team", then press "Post to channel" again.'
        : 'I\'m not in any team you are a member of. Add the ECS vs EKS app to one of your teams (Apps > ECS vs EKS > Add to a team), then press "Post to channel" again.';
    await reportFailure(ctx, message, reply, replyId);
    return;
  }
  await ctx.sendActivity(
    cardActivity(channelPickerCard(replyId, reply.title, choices), `Choose a channel for "${reply.title}"`),
  );
}

/** The picker's submit: checks the choice again (team known, user a member, channel exists), then posts. */
export async function postToChosenChannel(
  ctx: TurnContext,
  deps: PostDeps,
  reply: Reply,
  replyId: string,
  choice: string | undefined,
): Promise<void> {
  const tenant = tenantOf(ctx.activity);
  const [teamId, channelId] = (choice ?? '').split(CHOICE_SEPARATOR);
  const team = teamId ? await deps.installs.get(tenant, teamId) : undefined;
  const channels = team ? await channelsForMember(ctx, deps, team) : undefined;
  const channel = channels?.find((c) => c.id === channelId);
  if (!team || !channel?.id) {
    await reportFailure(
      ctx,
      'That channel is not available to you any more (the app may have been removed from the team). Press "Post to channel" to choose again.',
      reply,
      replyId,
    );
    return;
  }
  const where = `${team.name ?? 'the team'} › ${channelName(channel, team.teamId)}`;
  if (!(await claimPost(deps, replyId, channel.id))) {
    await ctx.sendActivity(plainActivity(ALREADY_POSTED(where)));
    return;
  }
  try {
    await inTeam(ctx, deps, team, (teamCtx) => post(teamCtx, deps, reply, replyId, channel.id!, tenant));
    await ctx.sendActivity(plainActivity(`Posted to ${where}.`));
  } catch (err) {
    await releasePost(deps, replyId, channel.id);
    deps.logger.warn('teams channel post failed', { status: statusOf(err), error: (err as Error).message });
    await reportFailure(ctx, failureMessage(err, where), reply, replyId);
  }
}
