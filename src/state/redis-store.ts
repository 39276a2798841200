import { Redis } from 'ioredis';
import type { Store } from './store.ts';

/** Shared state for several replicas. Values are JSON; every key is prefixed so the database can be shared. */
export class RedisStore implements Store {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'ecs-vs-eks:',
  ) {
    // Fail fast instead of queueing forever: a chat reply that waits on a dead Redis helps nobody.
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 2,
      connectTimeout: 5_000,
      enableOfflineQueue: true,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    this.redis.on('error', () => {
      // Connection errors surface through failed commands and /readyz; logging each retry would flood logs.
    });
  }

  private k(key: string): string {
    return `${this.prefix}${key}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.k(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.k(key), JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    // SET NX is atomic across every replica: exactly one caller gets "OK".
    const result = await this.redis.set(this.k(key), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX');
    return result === 'OK';
  }

  async append<T>(key: string, value: T, max: number): Promise<void> {
    await this.redis.multi().rpush(this.k(key), JSON.stringify(value)).ltrim(this.k(key), -max, -1).exec();
  }

  async list<T>(key: string): Promise<T[]> {
    const items = await this.redis.lrange(this.k(key), 0, -1);
    return items.map((i) => JSON.parse(i) as T);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
