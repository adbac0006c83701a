import assert from "node:assert/strict";
import type { StateStore } from "../../../bot/store";

/** What every StateStore must do, run against the memory store and against Redis. */
export function storeContract(make: () => Promise<StateStore>): void {
  let store: StateStore;
  before(async () => {
    store = await make();
  });
  after(() => store.close());

  it("keeps a value until deleted", async () => {
    await store.set("a", "1", 60_000);
    assert.equal(await store.get("a"), "1");
    await store.set("a", "2", 60_000, "pending");
    assert.equal(await store.get("a"), "2");
    await store.delete("a");
    assert.equal(await store.get("a"), undefined);
  });

  it("numbers appended entries, keeps the last ones, forgets acknowledged ones", async () => {
    const key = `log-${Math.random()}`;
    for (let i = 0; i < 7; i++) assert.equal(await store.append(key, `v${i}`, 5, 60_000), i);
    const all = await store.since(key, 0, 60_000);
    assert.deepEqual(all.entries.map((e) => [e.seq, e.value]), [[2, "v2"], [3, "v3"], [4, "v4"], [5, "v5"], [6, "v6"]]);
    assert.equal(all.next, 7);
    assert.deepEqual((await store.since(key, 5, 60_000)).entries.map((e) => e.seq), [5, 6]);
    assert.deepEqual((await store.since(key, 0, 60_000)).entries.map((e) => e.seq), [5, 6], "acknowledged entries are gone");
    assert.deepEqual(await store.since(`none-${Math.random()}`, 0, 60_000), { entries: [], next: 0 });
  });

  it("keeps equal values appended twice as two entries", async () => {
    const key = `log-${Math.random()}`;
    await store.append(key, "same", 10, 60_000);
    await store.append(key, "same", 10, 60_000);
    assert.equal((await store.since(key, 0, 60_000)).entries.length, 2);
  });

  it("forgets a value after its time to live", async () => {
    await store.set("short", "x", 50);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(await store.get("short"), undefined);
  });
}
