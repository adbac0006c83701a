import { BoundedTtlMap } from "./boundedMap";
import type { StateStore } from "./store";

type Entry =
  | { kind: "value"; value: string; bytes: number }
  | { kind: "log"; next: number; entries: Array<{ seq: number; value: string }>; bytes: number };

const logBytes = (entries: Array<{ value: string }>) => entries.reduce((n, e) => n + e.value.length * 2 + 16, 0);

/** The default store: two bounded maps in this process, for live conversations and for unused tokens. */
export class MemoryStore implements StateStore {
  private readonly live: BoundedTtlMap<Entry>;
  private readonly pending: BoundedTtlMap<Entry>;

  constructor(liveBytes: number, pendingBytes: number, defaultTtlMs: number, now?: () => number) {
    this.live = new BoundedTtlMap<Entry>(liveBytes, defaultTtlMs, now);
    this.pending = new BoundedTtlMap<Entry>(pendingBytes, defaultTtlMs, now);
  }

  private peek(key: string): Entry | undefined {
    return this.live.peek(key) ?? this.pending.peek(key);
  }

  async get(key: string): Promise<string | undefined> {
    const e = this.peek(key);
    return e?.kind === "value" ? e.value : undefined;
  }

  async set(key: string, value: string, ttlMs: number, pool: "live" | "pending" = "live"): Promise<void> {
    (pool === "live" ? this.pending : this.live).delete(key);
    (pool === "live" ? this.live : this.pending).set(key, { kind: "value", value, bytes: value.length * 2 }, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.live.delete(key);
    this.pending.delete(key);
  }

  async append(key: string, value: string, max: number, ttlMs: number): Promise<number> {
    const found = this.live.peek(key);
    const log = found?.kind === "log" ? found : { kind: "log" as const, next: 0, entries: [], bytes: 0 };
    const seq = log.next;
    log.entries.push({ seq, value });
    if (log.entries.length > max) log.entries.splice(0, log.entries.length - max);
    log.next = seq + 1;
    log.bytes = logBytes(log.entries);
    // Setting again re-counts its size and restarts its time to live.
    this.live.set(key, log, ttlMs);
    return seq;
  }

  async since(key: string, from: number, ttlMs: number): Promise<{ entries: Array<{ seq: number; value: string }>; next: number }> {
    const found = this.live.peek(key);
    if (found?.kind !== "log") return { entries: [], next: 0 };
    const keep = found.entries.filter((e) => e.seq >= from);
    if (keep.length !== found.entries.length) {
      found.entries = keep;
      found.bytes = logBytes(keep);
    }
    this.live.set(key, found, ttlMs);
    return { entries: keep.slice(), next: found.next };
  }

  /** Bytes held, for the metrics. */
  get bytes(): { live: number; pending: number } {
    return { live: this.live.bytes, pending: this.pending.bytes };
  }

  async close(): Promise<void> {
    this.live.close();
    this.pending.close();
  }
}
