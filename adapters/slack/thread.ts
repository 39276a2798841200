// Slack conversations as the brain sees them: thread keys, incoming text without Slack markup, and the
// "answer each message once" claim.
import { ThreadContexts } from '../../src/core/context.ts';
import type { Store } from '../../src/state/store.ts';

/**
 * Dedupe keys live this long. Slack retries an event up to 3 times over ~5 minutes, and a 5-minute TTL has been
 * seen to answer the last retry twice (vercel/chat#667), so keep them an hour.
 */
export const DEDUPE_TTL_SECONDS = 60 * 60;

/** `slack:<team>:<channel>:<thread_ts>`: the documented thread key. */
export function threadKey(team: string, channel: string, thread: string): string {
  return `slack:${team}:${channel}:${thread}`;
}

/**
 * Slash commands and their buttons have no thread: each user gets a private one per channel, so
 * `/ecs-vs-eks cost 10 tasks` then `/ecs-vs-eks make it 20 tasks` re-prices, and users never share context.
 */
export function privateKey(team: string, channel: string, user: string): string {
  return threadKey(team, channel, `user-${user}`);
}

/** Top-level messages in a DM with the bot form one conversation. */
export function dmKey(team: string, channel: string): string {
  return threadKey(team, channel, 'dm');
}

/**
 * The key that follow-ups to a message the bot just posted will use: replies in its thread, or, for a top-level
 * message in a DM (channel ids starting with D), the DM itself.
 */
export function postedKey(team: string, channel: string, ts: string, threadTs?: string): string {
  return channel.startsWith('D') && !threadTs
    ? dmKey(team, channel)
    : threadKey(team, channel, threadTs ?? ts);
}

/**
 * Where the user's DM with the bot is, learnt from app_home_opened: posting there needs only chat:write, while
 * posting to a user id relies on Slack opening the DM.
 */
export function dmChannelKey(team: string, user: string): string {
  return `slack:dm-channel:${team}:${user}`;
}

/** Buttons on the App Home tab; answers go to the DM, which then takes the context over. */
export function homeKey(team: string, user: string): string {
  return threadKey(team, 'home', user);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Slack message text -> what the user meant: bot mentions removed, other mentions and links made readable,
 * HTML entities decoded (Slack escapes &, < and > in text).
 */
export function plainText(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) =>
      id === botUserId ? ' ' : `@${name ?? id}`,
    )
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label ?? url)
    .replace(/&(amp|lt|gt);/g, (m) => ENTITIES[m] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

export function mentions(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}`);
}

/**
 * True the first time a Slack message is seen. Two keys, both atomic in the Store so every replica agrees:
 * the event_id (stable across Events API retries) and channel+ts (one message arrives as both app_mention and
 * message, with different event_ids). Retries are not dropped on their own: a retry whose original never
 * arrived is the only copy and gets answered.
 */
export async function claimMessage(
  store: Store,
  message: { eventId?: string; channel: string; ts: string },
): Promise<boolean> {
  if (message.eventId && !(await store.firstSeen(`slack:event:${message.eventId}`, DEDUPE_TTL_SECONDS)))
    return false;
  return store.firstSeen(`slack:msg:${message.channel}:${message.ts}`, DEDUPE_TTL_SECONDS);
}

/** The bot is part of a thread once it holds context for it (it answered there, or an answer was shared there). */
export async function hasContext(store: Store, key: string): Promise<boolean> {
  return (await store.get(ThreadContexts.key(key))) !== undefined;
}

/** Carries a private conversation into the thread an answer was just posted to, so follow-ups there work. */
export async function copyContext(contexts: ThreadContexts, from: string, to: string): Promise<void> {
  if (from === to) return;
  const context = await contexts.load(from);
  if (context.turns > 0) await contexts.save(to, context);
}
