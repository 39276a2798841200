/**
 * Everything that must survive a second replica goes through this interface: thread context,
 * dedupe keys, conversation references and feedback. Memory is the embedded default; Redis comes later.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Atomically records `key`; true only for the first caller within the TTL (used for dedupe). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  /** Appends to a capped list (feedback log); keeps the newest `max` items. */
  append<T>(key: string, value: T, max: number): Promise<void>;
  list<T>(key: string): Promise<T[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
