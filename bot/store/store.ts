/**
 * Where conversations live: the Bot Framework's conversation state and the Direct Line
 * conversations (tokens, activity buffers, watermarks). In bounded memory by default; in Redis
 * when STATE_STORE=redis://..., so that several instances share every conversation.
 */
export interface StateStore {
  get(key: string): Promise<string | undefined>;
  /**
   * Stores a value for `ttlMs`. `pending` is for what a stranger can create without having said
   * anything yet (an unused token): it lives in a smaller pool, so a flood of it cannot push out
   * conversations in progress.
   */
  set(key: string, value: string, ttlMs: number, pool?: "live" | "pending"): Promise<void>;
  delete(key: string): Promise<void>;
  /** Appends to a log that keeps its last `max` entries; returns the entry's sequence number (0, 1, ...). */
  append(key: string, value: string, max: number, ttlMs: number): Promise<number>;
  /** The entries numbered `from` and later; those before it are acknowledged and forgotten. `next` is the next number. */
  since(key: string, from: number, ttlMs: number): Promise<{ entries: Array<{ seq: number; value: string }>; next: number }>;
  close(): Promise<void>;
}
