// Where an answer goes and how: privately (response_url / chat.postEphemeral / the user's DM) or into a
// conversation (chat.postMessage), with the "why I could not post and what to do" path in one place.
import type { webApi } from '@slack/bolt';
import type { Brain } from '../../src/brain.ts';
import type { ThreadContexts } from '../../src/core/context.ts';
import { saveReply } from '../../src/core/reply-store.ts';
import type { Reply } from '../../src/core/types.ts';
import type { Logger } from '../../src/log.ts';
import { type CardOptions, noticeMessage, replyMessage, type SlackMessage } from './blocks.ts';
import { COMMAND } from './ids.ts';
import { copyContext, dmChannelKey, dmKey } from './thread.ts';

export type WebClient = webApi.WebClient;

export interface SlackDeps {
  brain: Brain;
  contexts: ThreadContexts;
  logger: Logger;
  defaultRegion: string;
  /** Time limit for response_url posts (Bolt's own respond() has none). */
  responseTimeoutMs: number;
}

/** Estimates are private until the user shares them (product rule); everything else may answer in place. */
export function mustStayPrivate(reply: Reply): boolean {
  return reply.estimate !== undefined;
}

export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered ${status}`);
  }
}

export type ResponseUrlBody = Partial<SlackMessage> & {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
};

/** POSTs to a response_url (valid 30 minutes, 5 uses) with a time limit; throws ResponseUrlError on non-2xx. */
export async function postToResponseUrl(deps: SlackDeps, url: string, body: ResponseUrlBody): Promise<void> {
  if (!/^https?:\/\//.test(url)) throw new ResponseUrlError(400);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(deps.responseTimeoutMs),
  });
  await res.body?.cancel();
  if (!res.ok) throw new ResponseUrlError(res.status);
}

/** The Slack error code of a failed Web API call (`not_in_channel`, ...), if Slack gave one. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: unknown } } | undefined;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string'
    ? e.data.error
    : undefined;
}

/** For the errors that mean "I may not post there": exactly what the user can do about it. */
export function cannotPostHelp(code: string | undefined, botUserId?: string): string | undefined {
  const me = botUserId ? `<@${botUserId}>` : 'the ecs-vs-eks app';
  switch (code) {
    case 'not_in_channel':
      return `:warning: I can't post in this channel because I'm not a member. *Invite me*: type \`/invite\` in the channel and pick ${me}, then press the button again. Your answer is kept below.`;
    case 'channel_not_found':
      return `:warning: I can't see this conversation: it is a private channel or a direct message I'm not part of. In a private channel, type \`/invite\` and pick ${me}, then press the button again. In a direct message between people, run \`${COMMAND} share <question>\` instead. Your answer is kept below.`;
    case 'is_archived':
      return ':warning: This channel is archived, so nothing can be posted there. Use *Estimate cost* and pick another channel. Your answer is kept below.';
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
    case 'restricted_action_thread_only_channel':
    case 'restricted_action_non_threadable_channel':
      return ':warning: This channel only lets some people post (a channel or workspace setting). Ask a channel manager, or pick another channel with *Estimate cost*. Your answer is kept below.';
    default:
      return undefined;
  }
}

export interface PrivateTarget {
  url: string;
  threadKey: string;
  threadTs?: string;
  followUpVia: CardOptions['followUpVia'];
  notice?: string;
}

/** Saves the reply (so its buttons can find it for 24 h) and renders it. */
export async function savedCard(
  deps: SlackDeps,
  reply: Reply,
  options: Omit<CardOptions, 'replyId'>,
): Promise<SlackMessage> {
  return replyMessage(reply, { ...options, replyId: await saveReply(deps.brain.store, reply) });
}

/** A private card through a response_url, as a new message (the earlier one stays). */
export async function replyPrivately(deps: SlackDeps, reply: Reply, to: PrivateTarget): Promise<void> {
  const message = await savedCard(deps, reply, {
    visibility: 'private',
    threadKey: to.threadKey,
    threadTs: to.threadTs,
    followUpVia: to.followUpVia,
    notice: to.notice,
  });
  await postToResponseUrl(deps, to.url, { ...message, response_type: 'ephemeral', replace_original: false });
}

/**
 * A public card through a response_url: `share <question>` and the estimate form's channel picker. Slack only
 * hands out such a URL where the user may post, and posting through it needs no channel membership.
 */
export async function postInChannelViaUrl(deps: SlackDeps, url: string, reply: Reply, sharedBy: string) {
  const message = await savedCard(deps, reply, { visibility: 'public', sharedBy, followUpVia: 'thread' });
  await postToResponseUrl(deps, url, { ...message, response_type: 'in_channel' });
}

/** A short private note (thanks, expired, error) through a response_url; failures are only logged. */
export async function notePrivately(
  deps: SlackDeps,
  url: string | undefined,
  markdown: string,
): Promise<void> {
  if (!url) return;
  await postToResponseUrl(deps, url, {
    ...noticeMessage(markdown),
    response_type: 'ephemeral',
    replace_original: false,
  }).catch((err: unknown) =>
    deps.logger.warn('slack: private note failed', { error: (err as Error).message }),
  );
}

export interface ConversationTarget {
  team: string;
  channel: string;
  user: string;
  /** Absent for a top-level message in a DM: the bot answers there like a chat partner. */
  threadTs?: string;
  threadKey: string;
  isDm: boolean;
  botUserId?: string;
  /** Where to answer privately if the bot may not post in the conversation (buttons have one). */
  fallbackUrl?: string;
}

/** Posts a public card; returns the new message's ts. */
export async function postPublic(
  deps: SlackDeps,
  client: WebClient,
  reply: Reply,
  to: { channel: string; threadTs?: string; sharedBy?: string; followUpVia: CardOptions['followUpVia'] },
): Promise<string | undefined> {
  const message = await savedCard(deps, reply, {
    visibility: 'public',
    sharedBy: to.sharedBy,
    followUpVia: to.followUpVia,
  });
  const res = await client.chat.postMessage({
    channel: to.channel,
    ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
    ...message,
  });
  return res.ts;
}

/** Answers in a thread or DM; an estimate goes only to the asker (ephemeral in the thread) until they share it. */
export async function answerInConversation(
  deps: SlackDeps,
  client: WebClient,
  reply: Reply,
  to: ConversationTarget,
): Promise<void> {
  const followUpVia = to.isDm && !to.threadTs ? 'dm' : 'thread';
  if (!to.isDm && mustStayPrivate(reply)) {
    const message = await savedCard(deps, reply, {
      visibility: 'private',
      threadKey: to.threadKey,
      threadTs: to.threadTs,
      followUpVia,
    });
    await client.chat.postEphemeral({
      channel: to.channel,
      user: to.user,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
    });
    return;
  }
  try {
    await postPublic(deps, client, reply, { channel: to.channel, threadTs: to.threadTs, followUpVia });
  } catch (err) {
    const notice = cannotPostHelp(slackErrorCode(err), to.botUserId);
    if (!notice || !to.fallbackUrl) throw err;
    await replyPrivately(deps, reply, {
      url: to.fallbackUrl,
      threadKey: to.threadKey,
      threadTs: to.threadTs,
      followUpVia: 'command',
      notice,
    });
  }
}

/**
 * Answers in the user's DM with the bot (App Home buttons, or when nothing else is left): the DM channel seen
 * in app_home_opened, else the user id (Slack opens the DM). The DM then continues the conversation: the context
 * moves to the DM's key.
 */
export async function answerInDm(
  deps: SlackDeps,
  client: WebClient,
  reply: Reply,
  to: { team: string; user: string; fromKey: string; notice?: string },
): Promise<void> {
  const message = await savedCard(deps, reply, {
    visibility: 'public',
    followUpVia: 'dm',
    notice: to.notice,
  });
  const dm = await deps.brain.store.get<string>(dmChannelKey(to.team, to.user));
  const res = await client.chat.postMessage({ channel: dm ?? to.user, ...message });
  if (res.channel) await copyContext(deps.contexts, to.fromKey, dmKey(to.team, res.channel));
}

/** Logs a failure without secrets and without the user's text. */
export function logFailure(logger: Logger, what: string, err: unknown): void {
  logger.error(`slack: ${what} failed`, {
    error: err instanceof Error ? err.message : String(err),
    ...(slackErrorCode(err) ? { code: slackErrorCode(err) } : {}),
  });
}
