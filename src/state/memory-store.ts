import type { Store } from './store.ts';

interface Entry {
  value: unknown;
  expiresAt: number;
}

/** In-process store. Values are deep-copied so callers cannot mutate stored state by accident. */
export class MemoryStore implements Store {
  private readonly entries = new Map<string, Entry>();
  private readonly lists = new Map<string, unknown[]>();

  constructor(private readonly now: () => number = Date.now) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    return entry ? (structuredClone(entry.value) as T) : undefined;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expiresAt: this.now() + ttlSeconds * 1000 });
    this.sweep();
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
    this.lists.delete(key);
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.entries.set(key, { value: 1, expiresAt: this.now() + ttlSeconds * 1000 });
    return true;
  }

  async append<T>(key: string, value: T, max: number): Promise<void> {
    const list = this.lists.get(key) ?? [];
    list.push(structuredClone(value));
    if (list.length > max) list.splice(0, list.length - max);
    this.lists.set(key, list);
  }

  async list<T>(key: string): Promise<T[]> {
    return structuredClone(this.lists.get(key) ?? []) as T[];
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweepCounter = 0;
  /** Amortised cleanup so expired keys do not pile up in a long-running process. */
  private sweep(): void {
    if (++this.sweepCounter % 1000 !== 0) return;
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
