import { createClient } from "redis";
import type { StateStore } from "./store";

const newClient = (url: string) => createClient({ url, socket: { connectTimeout: 5000 } });
type Client = ReturnType<typeof newClient>;

/**
 * The shared store: every instance behind the load balancer reads and writes the same Redis, so a
 * conversation continues on whichever instance gets the next request. Values expire in Redis
 * itself; a Direct Line buffer is a sorted set scored by sequence number, so appending, reading and
 * forgetting what the client has acknowledged are each one atomic transaction.
 */
export class RedisStore implements StateStore {
  private constructor(private readonly client: Client, private readonly prefix: string) {}

  static async connect(url: string, prefix = "reitti:"): Promise<RedisStore> {
    const client = newClient(url);
    let reported = false;
    // Without a listener an unreachable Redis would crash the process; requests fail with 503 instead.
    client.on("error", (e: unknown) => {
      if (!reported) process.stderr.write(`Redis: ${e instanceof Error ? e.message : String(e)}\n`);
      reported = true;
    });
    client.on("ready", () => { reported = false; });
    await client.connect();
    return new RedisStore(client, prefix);
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  async get(key: string): Promise<string | undefined> {
    const v = await this.client.sendCommand<string | null>(["GET", this.k(key)]);
    return v ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.sendCommand(["SET", this.k(key), value, "PX", String(ttlMs)]);
  }

  async delete(key: string): Promise<void> {
    await this.client.sendCommand(["DEL", this.k(key), this.k(`${key}#seq`)]);
  }

  async append(key: string, value: string, max: number, ttlMs: number): Promise<number> {
    const seq = Number(await this.client.sendCommand(["INCR", this.k(`${key}#seq`)])) - 1;
    await this.client.multi()
      // The sequence number leads the member, so equal activities stay distinct.
      .addCommand(["ZADD", this.k(key), String(seq), `${seq}:${value}`])
      .addCommand(["ZREMRANGEBYRANK", this.k(key), "0", String(-(max + 1))])
      .addCommand(["PEXPIRE", this.k(key), String(ttlMs)])
      .addCommand(["PEXPIRE", this.k(`${key}#seq`), String(ttlMs)])
      .exec();
    return seq;
  }

  async since(key: string, from: number, ttlMs: number): Promise<{ entries: Array<{ seq: number; value: string }>; next: number }> {
    const replies = await this.client.multi()
      .addCommand(["ZREMRANGEBYSCORE", this.k(key), "-inf", `(${from}`])
      .addCommand(["ZRANGEBYSCORE", this.k(key), String(from), "+inf"])
      .addCommand(["GET", this.k(`${key}#seq`)])
      .addCommand(["PEXPIRE", this.k(key), String(ttlMs)])
      .addCommand(["PEXPIRE", this.k(`${key}#seq`), String(ttlMs)])
      .exec();
    const members = (replies[1] ?? []) as unknown as string[];
    const entries = members.map((m) => {
      const colon = m.indexOf(":");
      return { seq: Number(m.slice(0, colon)), value: m.slice(colon + 1) };
    });
    return { entries, next: Number(replies[2] ?? 0) };
  }

  /** Waits for commands in flight, but not for a Redis that has gone away. */
  async close(): Promise<void> {
    if (!this.client.isReady) return this.client.destroy();
    await Promise.race([this.client.close().catch(() => undefined), new Promise((r) => setTimeout(r, 1000).unref())]);
    if (this.client.isOpen) this.client.destroy();
  }
}
