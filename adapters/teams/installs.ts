// Teams where the bot is installed, per tenant, kept through the shared Store so every replica can offer
// them in the "Post to channel" picker. Each record holds the conversation reference saved at install time.
import type { ConversationReference } from 'botbuilder';
import type { Store } from '../../src/state/store.ts';
import { TEAM_RECORD_TTL_SECONDS } from './limits.ts';

export interface TeamRecord {
  teamId: string;
  name?: string;
  /** The team's General channel reference (its id is the team id), used for proactive posts. */
  reference: Partial<ConversationReference>;
  savedAt: string;
}

/** Tenants rarely have more than a handful of teams with the bot; the cap bounds a hostile or odd tenant. */
const MAX_TEAMS_PER_TENANT = 200;

const key = (tenantId: string) => `teams:installs:${tenantId}`;

export class TeamInstalls {
  constructor(private readonly store: Store) {}

  async list(tenantId: string): Promise<TeamRecord[]> {
    return (await this.store.get<TeamRecord[]>(key(tenantId))) ?? [];
  }

  async get(tenantId: string, teamId: string): Promise<TeamRecord | undefined> {
    return (await this.list(tenantId)).find((t) => t.teamId === teamId);
  }

  /** Adds or refreshes a team. Read-modify-write: installs are rare, and a lost race is healed next turn. */
  async save(tenantId: string, record: Omit<TeamRecord, 'savedAt'>, now = new Date()): Promise<void> {
    const all = await this.list(tenantId);
    const others = all.filter((t) => t.teamId !== record.teamId);
    const previous = all.find((t) => t.teamId === record.teamId);
    const next: TeamRecord = {
      ...record,
      name: record.name ?? previous?.name,
      savedAt: now.toISOString(),
    };
    await this.store.set(
      key(tenantId),
      [next, ...others].slice(0, MAX_TEAMS_PER_TENANT),
      TEAM_RECORD_TTL_SECONDS,
    );
  }

  async remove(tenantId: string, teamId: string): Promise<void> {
    const rest = (await this.list(tenantId)).filter((t) => t.teamId !== teamId);
    await this.store.set(key(tenantId), rest, TEAM_RECORD_TTL_SECONDS);
  }
}
