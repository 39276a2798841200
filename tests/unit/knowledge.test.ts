import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOverview, checkTopics, KnowledgeError, loadTopics } from '../../src/knowledge/load.ts';

const REQUIRED = [
  'orchestration-model',
  'control-plane',
  'pricing',
  'workload-unit',
  'app-definition',
  'compute-options',
  'networking',
  'iam',
  'scaling',
  'portability',
  'ecosystem',
  'best-fit',
  'hybrid',
  'fargate',
  'version-lifecycle',
  'auto-mode',
  'managed-instances',
  'express-mode',
  'pod-identity',
  'rbac',
  'service-mesh',
  'deployments',
  'observability',
  'secrets',
  'windows',
  'gpu',
  'spot',
  'pods-per-node',
  'quotas',
  'day-2-ops',
  'learning-curve',
  'migration',
];

describe('knowledge base', () => {
  const { topics, problems } = checkTopics();

  it('validates with no problems', () => {
    expect(problems).toEqual([]);
    expect(checkOverview().problems).toEqual([]);
  });

  it('covers every dimension of the lesson and the extra topics people ask about', () => {
    const ids = new Set(topics.map((t) => t.id));
    for (const id of REQUIRED) expect(ids, `missing topic ${id}`).toContain(id);
  });

  it('gives the overview one row per lesson dimension, in order', () => {
    const rows = topics
      .filter((t) => t.overview)
      .map((t) => t.overview!.order)
      .sort((a, b) => a - b);
    expect(rows).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('cites an https source with an as-of date on every topic', () => {
    for (const t of topics) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      for (const s of t.sources) {
        expect(s.url).toMatch(/^https:\/\//);
        expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('keeps ids unique and matches them to file names', () => {
    const ids = topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the file and the field when an entry is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    const good = topics[0]!;
    writeFileSync(join(dir, `${good.id}.json`), JSON.stringify(good));
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({
        ...good,
        id: 'broken',
        related: [],
        sources: [{ title: 'x', url: 'http://nope', asOf: '2026-13-45' }],
      }),
    );
    writeFileSync(join(dir, 'not-json.json'), '{ oops');
    const result = checkTopics(dir);
    const text = result.problems.join('\n');
    expect(text).toMatch(/broken\.json: field "sources\.0\.url"/);
    expect(text).toMatch(/broken\.json: field "sources\.0\.asOf"/);
    expect(text).toMatch(/broken\.json: field "sources\.0\.title"/);
    expect(text).toMatch(/not-json\.json: not valid JSON/);
    expect(() => loadTopics(dir)).toThrow(KnowledgeError);
  });

  it('flags links to topics that do not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    const t = { ...topics[0]!, related: ['no-such-topic'] };
    writeFileSync(join(dir, `${t.id}.json`), JSON.stringify(t));
    expect(checkTopics(dir).problems.join('\n')).toMatch(/field "related\.0": unknown topic "no-such-topic"/);
  });
});
