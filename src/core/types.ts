import type { Source } from '../knowledge/schema.ts';

export type Intent = 'help' | 'overview' | 'topic' | 'recommend' | 'cost' | 'clarify' | 'unknown';
export type Side = 'ecs' | 'eks';

/** A button or form submit, already decoded by the adapter. Platform-neutral. */
export type ReplyAction =
  | { kind: 'topic'; label: string; topicId: string }
  | { kind: 'more'; label: string; topicId: string }
  | { kind: 'why'; label: string; topicId: string }
  | { kind: 'overview'; label: string }
  | { kind: 'recommend'; label: string }
  | { kind: 'estimate'; label: string }
  | { kind: 'help'; label: string };

/** One message from any surface (Slack, Teams, CLI), with platform details removed. */
export interface Inbound {
  /** The user's text, with bot mentions stripped. */
  text: string;
  /** Opaque user id, used only for feedback and rate limits. */
  userId: string;
  /** Conversation thread key, e.g. slack:<team>:<channel>:<thread_ts>, teams:<tenant>:<conversation>, cli:<id>. */
  threadKey: string;
  /** A clicked button, when the message came from one. */
  action?: ReplyAction;
}

export interface ReplyRow {
  label: string;
  ecs: string;
  eks: string;
}

export interface ReplySection {
  heading: string;
  lines: string[];
}

/** A platform-neutral answer: adapters decide bold, tables and buttons. Never contains markup. */
export interface Reply {
  intent: Intent;
  topics: string[];
  title: string;
  summary: string;
  rows: ReplyRow[];
  verdict?: string;
  /** Extra paragraphs: shown when the user asked for detail, otherwise offered. */
  detail: string[];
  sections: ReplySection[];
  /** Suggested next questions, as the user would type them. */
  followUps: string[];
  actions: ReplyAction[];
  sources: Source[];
  /** Recommendation answers say which side they picked, or that they need answers first. */
  pick?: 'ecs' | 'eks' | 'ask';
  /** Cost answers carry the estimate object (see the cost engine). */
  estimate?: unknown;
  notices: string[];
  /** Files an adapter may attach or link (cost estimate CSV/JSON). */
  exports?: Array<{ filename: string; mimeType: string; content: string }>;
}

/** What the bot remembers about one thread, stored through the Store with a TTL. */
export interface ThreadContext {
  lastIntent?: Intent;
  lastTopic?: string;
  /** Topics offered by a "Did you mean ...?" reply, in the order shown. */
  clarifyChoices?: string[];
  /** Set while the bot waits for answers to its recommendation questions. */
  recommend?: { pending: boolean; factors: Record<string, boolean> };
  /** The last cost request, so what-ifs can re-price it. Shape owned by the cost engine. */
  lastCost?: unknown;
  turns: number;
}
