import type { Storage, StoreItems } from "botbuilder";
import type { StateStore } from "./store";

/**
 * The Bot Framework's Storage on a StateStore: conversation state (language, municipality, role)
 * as JSON, forgotten after `ttlMs` idle. Nothing else is kept; no transcript.
 */
export class StoreStorage implements Storage {
  constructor(private readonly store: StateStore, private readonly ttlMs: number) {}

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const k of keys) {
      const raw = await this.store.get(`state:${k}`);
      if (raw !== undefined) out[k] = JSON.parse(raw) as unknown;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [k, v] of Object.entries(changes)) await this.store.set(`state:${k}`, JSON.stringify(v), this.ttlMs, "live");
  }

  async delete(keys: string[]): Promise<void> {
    for (const k of keys) await this.store.delete(`state:${k}`);
  }
}
