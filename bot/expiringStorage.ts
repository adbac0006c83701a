import type { Storage, StoreItems } from "botbuilder";

/**
 * Conversation state in memory, bounded: an entry idle for longer than `ttlMs` is dropped, and
 * past `maxEntries` the least recently used goes first. Nothing is written to disk.
 */
export class ExpiringMemoryStorage implements Storage {
  private readonly entries = new Map<string, { value: unknown; touched: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly ttlMs = 30 * 60_000, private readonly maxEntries = 10_000, private readonly now: () => number = Date.now) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, ttlMs)).unref();
  }

  get size(): number {
    return this.entries.size;
  }

  sweep(): void {
    const limit = this.now() - this.ttlMs;
    for (const [k, e] of this.entries) if (e.touched < limit) this.entries.delete(k);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    const limit = this.now() - this.ttlMs;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (!e) continue;
      if (e.touched < limit) {
        this.entries.delete(k);
        continue;
      }
      out[k] = structuredClone(e.value);
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [k, v] of Object.entries(changes)) {
      // Re-insert so Map order is least recently used first.
      this.entries.delete(k);
      this.entries.set(k, { value: structuredClone(v), touched: this.now() });
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const k of keys) this.entries.delete(k);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
