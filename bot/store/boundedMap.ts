import { LRUCache } from "lru-cache";

/**
 * A map bounded in bytes and in time: an entry unused for `ttlMs` is gone, and past `maxBytes`
 * the least recently used goes first. Stale entries are swept every minute so they do not hold
 * memory until something pushes them out. The only in-memory expiring map the server has.
 */
export class BoundedTtlMap<V extends { bytes: number }> {
  private readonly cache: LRUCache<string, V>;
  private readonly sweeper: NodeJS.Timeout;

  constructor(maxBytes: number, defaultTtlMs: number, now?: () => number) {
    this.cache = new LRUCache<string, V>({
      maxSize: maxBytes,
      // Keys count too: an attacker chooses them.
      sizeCalculation: (v, k) => Math.max(1, v.bytes + k.length * 2 + 64),
      ttl: defaultTtlMs,
      // A test's clock; lru-cache otherwise rounds time to a millisecond timer.
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    });
    this.sweeper = setInterval(() => this.cache.purgeStale(), 60_000).unref();
  }

  /** Reads without counting as a use: a caller who turns out not to own the entry leaves no trace. */
  peek(key: string): V | undefined {
    return this.cache.peek(key);
  }

  /** Stores (or re-stores after a change), counting as a use and restarting its time to live. */
  set(key: string, value: V, ttlMs?: number): void {
    this.cache.set(key, value, ttlMs === undefined ? undefined : { ttl: ttlMs });
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  get size(): number {
    return this.cache.size;
  }

  get bytes(): number {
    return this.cache.calculatedSize;
  }

  close(): void {
    clearInterval(this.sweeper);
    this.cache.clear();
  }
}
