// Where a button was clicked, and so where its answer belongs and which thread context it continues.
import type { BlockAction } from '@slack/bolt';
import type { ButtonValue } from '../../ids.ts';
import { dmKey, homeKey, privateKey, threadKey } from '../../thread.ts';

export interface ActionOrigin {
  team: string;
  user: string;
  /** home: the App Home tab; private: an ephemeral card; public: a message in a conversation. */
  surface: 'home' | 'private' | 'public';
  channel?: string;
  threadKey: string;
  /** public: the thread to answer in (absent for a top-level DM message); private: the thread the card is in. */
  threadTs?: string;
  isDm: boolean;
  responseUrl?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/**
 * Private cards carry their thread key in the button; it is only trusted when it belongs to this team and
 * channel and, for a per-user key, to the user who clicked.
 */
function trustedKey(k: string | undefined, team: string, channel: string, user: string): string | undefined {
  if (!k?.startsWith(`slack:${team}:${channel}:`)) return undefined;
  const thread = k.slice(`slack:${team}:${channel}:`.length);
  return thread.startsWith('user-') && thread !== `user-${user}` ? undefined : k;
}

export function actionOrigin(body: BlockAction, value: ButtonValue): ActionOrigin {
  const user = body.user.id;
  const team = body.team?.id ?? body.user.team_id ?? 'unknown';
  const container = (body.container ?? {}) as Record<string, unknown>;
  const channel = body.channel?.id ?? str(container.channel_id);
  const responseUrl = str(body.response_url);
  if (container.type === 'view' || !channel) {
    return { team, user, surface: 'home', threadKey: homeKey(team, user), isDm: false, responseUrl };
  }
  const isDm = channel.startsWith('D');
  if (container.is_ephemeral === true) {
    return {
      team,
      user,
      surface: 'private',
      channel,
      threadKey: trustedKey(value.k, team, channel, user) ?? privateKey(team, channel, user),
      threadTs: value.t,
      isDm,
      responseUrl,
    };
  }
  const messageTs = str(body.message?.ts) ?? str(container.message_ts);
  const threadTs = str(body.message?.thread_ts) ?? str(container.thread_ts);
  if (isDm && !threadTs) {
    return { team, user, surface: 'public', channel, threadKey: dmKey(team, channel), isDm, responseUrl };
  }
  const thread = threadTs ?? messageTs ?? 'unknown';
  return {
    team,
    user,
    surface: 'public',
    channel,
    threadKey: threadKey(team, channel, thread),
    threadTs: thread,
    isDm,
    responseUrl,
  };
}
