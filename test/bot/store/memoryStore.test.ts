import assert from "node:assert/strict";
import { ConversationStore } from "../../../bot/directline";
import { MemoryStore } from "../../../bot/store";
import { StoreStorage } from "../../../bot/store/storage";
import { storeContract } from "./contract";

const MIN = 60_000;

describe("the memory store", () => {
  storeContract(async () => new MemoryStore(1 << 20, 1 << 16, MIN));
});

describe("conversation state in bounded memory", () => {
  it("forgets a conversation idle for longer than its time to live", async () => {
    let now = 1;
    const store = new MemoryStore(1 << 20, 1 << 16, 30 * MIN, () => now);
    const s = new StoreStorage(store, 30 * MIN);
    await s.write({ a: { lang: "fi" } });
    now += 29 * MIN;
    assert.deepEqual(await s.read(["a"]), { a: { lang: "fi" } });
    await s.write({ a: { lang: "fi" } });
    now += 31 * MIN;
    assert.deepEqual(await s.read(["a"]), {});
    await store.close();
  });

  it("keeps at most its bound in bytes, dropping the least recently used", async () => {
    const store = new MemoryStore(64 * 1024, 1024, MIN);
    const s = new StoreStorage(store, MIN);
    for (let i = 0; i < 200; i++) await s.write({ [`k${i}`]: { pad: "x".repeat(1000) } });
    assert.ok(store.bytes.live <= 64 * 1024, `${store.bytes.live} bytes`);
    assert.deepEqual(await s.read(["k0"]), {});
    assert.ok((await s.read(["k199"])).k199);
    await store.close();
  });

  it("counts a long value by its size: one huge entry cannot hide under an entry count", async () => {
    const store = new MemoryStore(100_000, 1024, MIN);
    await store.set("big", "x".repeat(200_000), MIN);
    assert.equal(await store.get("big"), undefined);
    await store.close();
  });
});

describe("Direct Line conversations in the store", () => {
  it("keeps conversations in progress when a flood of unused tokens overflows the pending pool", async () => {
    const store = new MemoryStore(1 << 20, 16 * 1024, 30 * MIN);
    const conversations = new ConversationStore(store);
    const { token, id } = await conversations.create();
    const c = await conversations.open(token, id);
    assert.ok(c);
    await conversations.markLive(c);
    await conversations.push(id, { type: "message", text: "hei" });
    const flood = [];
    for (let i = 0; i < 2000; i++) flood.push(await conversations.create());
    assert.ok(await conversations.open(token, id), "the live conversation is still there");
    assert.equal((await conversations.since(id, 0)).activities.length, 1);
    assert.equal(await conversations.open(flood[0].token), undefined, "the oldest unused token made room");
    assert.ok(await conversations.open(flood[1999].token));
    await store.close();
  });

  it("lets a wrong token neither open nor keep alive someone else's conversation", async () => {
    let now = 1;
    const store = new MemoryStore(1 << 20, 1 << 16, 30 * MIN, () => now);
    const conversations = new ConversationStore(store);
    const a = await conversations.create();
    const b = await conversations.create();
    const opened = await conversations.open(a.token, a.id);
    assert.ok(opened);
    await conversations.markLive(opened);
    assert.equal(await conversations.open(b.token, a.id), undefined);
    assert.equal(await conversations.open(`${a.id}.wrong-secret`, a.id), undefined);
    assert.equal(await conversations.open(`${a.id}.wrong-secret`), undefined);
    // Only wrong tokens for 29 minutes, then 2 more: the conversation has expired, not been kept alive.
    now += 29 * MIN;
    assert.equal(await conversations.open(`${a.id}.wrong-secret`, a.id), undefined);
    now += 2 * MIN;
    assert.equal(await conversations.open(a.token, a.id), undefined);
    await store.close();
  });

  it("forgets activities the client has acknowledged, and keeps at most the buffer's bound", async () => {
    const store = new MemoryStore(1 << 20, 1 << 16, 30 * MIN);
    const conversations = new ConversationStore(store);
    const { id } = await conversations.create();
    for (let i = 0; i < 150; i++) await conversations.push(id, { type: "message", text: String(i) });
    const all = await conversations.since(id, 0);
    assert.equal(all.activities.length, 100);
    assert.equal(all.watermark, "150");
    assert.equal(all.activities[0].text, "50");
    assert.equal((await conversations.since(id, 149)).activities.length, 1);
    assert.equal((await conversations.since(id, 0)).activities.length, 1, "acknowledged activities are gone");
    await store.close();
  });
});
