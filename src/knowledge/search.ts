import MiniSearch, { type SearchResult } from 'minisearch';
import { contentWords, normalize, STOP_WORDS } from '../core/normalize.ts';
import type { Topic } from './schema.ts';

export interface TopicHit {
  id: string;
  score: number;
  /** True when a query word matched a title, alias or keyword (not only body text). */
  strong: boolean;
  terms: string[];
}

interface IndexedTopic {
  id: string;
  title: string;
  aliases: string;
  keywords: string;
  body: string;
}

const STRONG_FIELDS = new Set(['title', 'aliases', 'keywords']);

/** BM25 search over topics (minisearch) with field boosts, prefix and fuzzy matching for typos. */
export class TopicSearch {
  private readonly index: MiniSearch<IndexedTopic>;
  /** Every word that appears in a title, alias or keyword: the domain vocabulary. */
  readonly vocabulary: Set<string>;

  constructor(readonly topics: Topic[]) {
    this.index = new MiniSearch<IndexedTopic>({
      fields: ['title', 'aliases', 'keywords', 'body'],
      storeFields: ['id'],
      processTerm: (term) => {
        const t = term.toLowerCase();
        return STOP_WORDS.has(t) || t.length < 2 ? null : t;
      },
      searchOptions: {
        boost: { aliases: 3, keywords: 3.5, title: 2.5, body: 0.4 },
        prefix: (term) => term.length >= 5,
        fuzzy: (term) => (term.length >= 5 ? 0.25 : term.length >= 4 ? 0.15 : false),
        combineWith: 'OR',
      },
    });
    this.index.addAll(
      topics.map((t) => ({
        id: t.id,
        title: normalize(t.title),
        aliases: t.aliases.map(normalize).join(' ; '),
        keywords: t.keywords.map(normalize).join(' '),
        body: normalize(`${t.summary} ${t.ecs} ${t.eks}`),
      })),
    );
    this.vocabulary = new Set(
      topics.flatMap((t) => contentWords(normalize([t.title, ...t.aliases, ...t.keywords].join(' ')))),
    );
  }

  search(text: string): TopicHit[] {
    const query = contentWords(normalize(text)).join(' ');
    if (!query) return [];
    return this.index.search(query).map((r: SearchResult) => ({
      id: r.id as string,
      score: r.score,
      strong: Object.values(r.match).some((fields) => fields.some((f) => STRONG_FIELDS.has(f))),
      terms: r.terms,
    }));
  }

  /** True when a word is part of the domain vocabulary, allowing a small typo in longer words. */
  knows(word: string): boolean {
    if (this.vocabulary.has(word)) return true;
    // Typos are tolerated in longer words only: "lunch" must not become "launch".
    if (word.length < 6) return false;
    const limit = word.length >= 9 ? 2 : 1;
    for (const v of this.vocabulary) {
      if (Math.abs(v.length - word.length) <= limit && editDistance(v, word, limit) <= limit) return true;
      if (v.length >= 5 && (word.startsWith(v) || v.startsWith(word))) return true;
    }
    return false;
  }

  /** A topic's multi-word aliases, normalized once: matched as whole phrases on every message. */
  aliasPhrases(id: string): string[] {
    let phrases = this.phraseCache.get(id);
    if (!phrases) {
      phrases = (this.get(id)?.aliases ?? []).map(normalize).filter((a) => a.includes(' '));
      this.phraseCache.set(id, phrases);
    }
    return phrases;
  }

  private readonly phraseCache = new Map<string, string[]>();

  get(id: string): Topic | undefined {
    return this.topics.find((t) => t.id === id);
  }
}

/** Levenshtein distance, giving up early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}
