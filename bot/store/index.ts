import { CONVERSATION_IDLE_MS, MEMORY_LIVE_BYTES, MEMORY_PENDING_BYTES } from "../config";
import { MemoryStore } from "./memoryStore";
import { RedisStore } from "./redisStore";
import type { StateStore } from "./store";

export type { StateStore };
export { MemoryStore, RedisStore };

/** STATE_STORE: "memory" (the default) or redis://host:port. */
export async function openStore(spec: string): Promise<StateStore> {
  if (spec === "memory") return new MemoryStore(MEMORY_LIVE_BYTES, MEMORY_PENDING_BYTES, CONVERSATION_IDLE_MS);
  return RedisStore.connect(spec);
}
