import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Knowledge } from '../core/answer.ts';
import { type Overview, overviewSchema } from './overview-schema.ts';
import { type Topic, topicSchema } from './schema.ts';

export const KNOWLEDGE_DIR = resolve(fileURLToPath(new URL('../../knowledge', import.meta.url)));
export const TOPICS_DIR = join(KNOWLEDGE_DIR, 'topics');
export const OVERVIEW_FILE = join(KNOWLEDGE_DIR, 'overview.json');

/** Raised when a knowledge file is invalid; the message names the file and every bad field. */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Knowledge base is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function describeZodIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${file}: field "${field}": ${issue.message}`;
  });
}

/** Validates every topic file and the links between them; returns problems instead of throwing. */
export function checkTopics(dir = TOPICS_DIR): { topics: Topic[]; problems: string[] } {
  const problems: string[] = [];
  const topics: Topic[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) problems.push(`${dir}: no topic files found`);
  for (const name of files) {
    const file = relative(process.cwd(), join(dir, name)) || name;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (err) {
      problems.push(`${file}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = topicSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...describeZodIssues(file, parsed.error));
      continue;
    }
    if (`${parsed.data.id}.json` !== name) {
      problems.push(`${file}: field "id": "${parsed.data.id}" must match the file name`);
    }
    topics.push(parsed.data);
  }
  const ids = new Set(topics.map((t) => t.id));
  const orders = new Map<number, string>();
  for (const t of topics) {
    t.related.forEach((r, i) => {
      if (!ids.has(r)) problems.push(`${t.id}.json: field "related.${i}": unknown topic "${r}"`);
    });
    if (t.overview) {
      const clash = orders.get(t.overview.order);
      if (clash)
        problems.push(`${t.id}.json: field "overview.order": ${t.overview.order} is also used by ${clash}`);
      orders.set(t.overview.order, t.id);
    }
  }
  return { topics, problems };
}

let cached: Topic[] | undefined;

/** Loads and validates the knowledge base once per process; throws KnowledgeError naming file and field. */
export function loadTopics(dir = TOPICS_DIR): Topic[] {
  if (dir !== TOPICS_DIR) {
    const { topics, problems } = checkTopics(dir);
    if (problems.length > 0) throw new KnowledgeError(problems);
    return topics;
  }
  if (!cached) {
    const { topics, problems } = checkTopics(dir);
    if (problems.length > 0) throw new KnowledgeError(problems);
    cached = topics;
  }
  return cached;
}

/** Validates knowledge/overview.json; returns problems instead of throwing. */
export function checkOverview(file = OVERVIEW_FILE): { overview?: Overview; problems: string[] } {
  const name = relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { problems: [`${name}: cannot be read as JSON (${(err as Error).message})`] };
  }
  const parsed = overviewSchema.safeParse(raw);
  if (!parsed.success) return { problems: describeZodIssues(name, parsed.error) };
  return { overview: parsed.data, problems: [] };
}

let cachedOverview: Overview | undefined;

export function loadOverview(file = OVERVIEW_FILE): Overview {
  if (file === OVERVIEW_FILE && cachedOverview) return cachedOverview;
  const { overview, problems } = checkOverview(file);
  if (!overview) throw new KnowledgeError(problems);
  if (file === OVERVIEW_FILE) cachedOverview = overview;
  return overview;
}

/** The validated knowledge base with lookup by id, as the answer builder reads it. */
export function loadKnowledge(): Knowledge {
  const topics = loadTopics();
  const byId = new Map(topics.map((t) => [t.id, t]));
  return { topics, overview: loadOverview(), get: (id) => byId.get(id) };
}
