// One human message (a mention, a thread reply, a DM) -> the brain -> an answer in the same thread.
import { noticeMessage } from '../../blocks.ts';
import { answerInConversation, logFailure, type SlackDeps, type WebClient } from '../../deliver.ts';
import { claimMessage, copyContext, dmKey, hasContext, threadKey } from '../../thread.ts';
import { SORRY } from '../actions/reply-action.ts';

export interface IncomingMessage {
  text: string;
  user: string;
  team: string;
  channel: string;
  /** Thread to answer in; absent for a top-level DM message. */
  threadTs?: string;
  isDm: boolean;
  botUserId?: string;
  /** Un-mentioned thread replies: people also talk to each other there, so off-topic chatter gets no answer. */
  quietUnlessUnderstood: boolean;
}

export async function answerMessage(deps: SlackDeps, client: WebClient, m: IncomingMessage): Promise<void> {
  const key = m.threadTs ? threadKey(m.team, m.channel, m.threadTs) : dmKey(m.team, m.channel);
  // A thread in a DM hangs off the DM conversation ("Reply in thread" on an answer): it starts from there.
  if (m.isDm && m.threadTs && !(await hasContext(deps.brain.store, key)))
    await copyContext(deps.contexts, dmKey(m.team, m.channel), key);
  const reply = await deps.brain.handler.handle({ text: m.text, userId: m.user, threadKey: key });
  if (m.quietUnlessUnderstood && reply.intent === 'unknown') {
    deps.logger.debug('slack: ignored message', { reason: 'not about ECS or EKS', channel: m.channel });
    return;
  }
  await answerInConversation(deps, client, reply, {
    team: m.team,
    channel: m.channel,
    user: m.user,
    threadTs: m.threadTs,
    threadKey: key,
    isDm: m.isDm,
    botUserId: m.botUserId,
  });
}

/** The team an event belongs to (org-wide installs put it in authorizations). */
export function eventTeam(body: {
  team_id?: string;
  authorizations?: Array<{ team_id?: string | null }>;
}): string {
  return body.authorizations?.[0]?.team_id ?? body.team_id ?? 'unknown';
}

export function ignored(deps: SlackDeps, reason: string, fields: Record<string, unknown> = {}): void {
  deps.logger.debug('slack: ignored message', { reason, ...fields });
}

/** Answers a message once: claims it (event_id and channel+ts), then answers; a failure is logged, not thrown. */
export async function answerOnce(
  deps: SlackDeps,
  client: WebClient,
  delivery: { eventId?: string; ts: string; retryNum?: number; what: string },
  message: IncomingMessage,
): Promise<void> {
  const claim = { eventId: delivery.eventId, channel: message.channel, ts: delivery.ts };
  if (!(await claimMessage(deps.brain.store, claim)))
    return ignored(deps, 'duplicate', { event_id: delivery.eventId, retry: delivery.retryNum });
  try {
    await answerMessage(deps, client, message);
  } catch (err) {
    logFailure(deps.logger, `answering ${delivery.what}`, err);
    // The asker is told (privately, in place), as a command or a button would tell them; internals stay in the log.
    const { text, blocks } = noticeMessage(SORRY);
    await client.chat
      .postEphemeral({
        channel: message.channel,
        user: message.user,
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
        text,
        blocks,
      })
      .catch((e: unknown) => logFailure(deps.logger, 'telling the asker about a failure', e));
  }
}
