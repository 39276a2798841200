// Reading a Teams Activity: scope, thread key, user, the bot mention, and clean text for the shared handler.
import type { Activity } from 'botbuilder';
import type { Scope } from './card-elements.ts';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  eventType?: string;
}

export function channelDataOf(activity: Partial<Activity>): TeamsChannelData {
  const data = activity.channelData;
  return data && typeof data === 'object' ? (data as TeamsChannelData) : {};
}

export function scopeOf(activity: Partial<Activity>): Scope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat' || activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

export function tenantOf(activity: Partial<Activity>): string {
  return activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id ?? 'unknown';
}

/**
 * The thread key: `teams:<tenant>:<conversation id>`. In a channel the conversation id already names the
 * thread (`19:…@thread.tacv2;messageid=<root>`), so every channel thread keeps its own context.
 */
export function threadKeyOf(activity: Partial<Activity>): string {
  return `teams:${tenantOf(activity)}:${activity.conversation?.id ?? 'unknown'}`;
}

/** Stable user id for feedback: the Entra object id when Teams sends it. */
export function userIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
}

/** The channel a channel conversation belongs to: its id without the `;messageid=` thread suffix. */
export function channelIdOf(activity: Partial<Activity>): string | undefined {
  return channelDataOf(activity).channel?.id ?? activity.conversation?.id?.split(';')[0];
}

export function isBotMentioned(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The user's words: the bot's own mention removed (wherever it is), other mentions kept as plain names,
 * and any HTML Teams added stripped.
 */
export function cleanText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const mentions = [activity.recipient?.name ? `<at>${activity.recipient.name}</at>` : undefined];
  for (const e of activity.entities ?? []) {
    const mention = e as { type?: string; text?: string; mentioned?: { id?: string } };
    if (mention.type === 'mention' && mention.mentioned?.id === botId) mentions.push(mention.text);
  }
  // The bot's own name ("ECS vs EKS") left in the text would read as a question about both services.
  for (const m of mentions) if (m) text = text.split(m).join(' ');
  // No pattern may rescan the rest of the text from every "<" (a body of unclosed tags took seconds).
  return text
    .replace(/<at[^<>]*>([^<]*)<\/at>/gi, '$1')
    .replace(/<[^<>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
