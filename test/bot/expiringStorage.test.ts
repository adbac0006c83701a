import assert from "node:assert/strict";
import { ExpiringMemoryStorage } from "../../bot/expiringStorage";

describe("conversation state in bounded memory", () => {
  it("forgets a conversation idle for longer than its time to live", async () => {
    let now = 0;
    const s = new ExpiringMemoryStorage(30 * 60_000, 100, () => now);
    await s.write({ a: { lang: "fi" } });
    now = 29 * 60_000;
    assert.deepEqual(await s.read(["a"]), { a: { lang: "fi" } });
    await s.write({ a: { lang: "fi" } });
    now = 29 * 60_000 + 31 * 60_000;
    assert.deepEqual(await s.read(["a"]), {});
    s.close();
  });
  it("keeps at most its bound, dropping the least recently used", async () => {
    const s = new ExpiringMemoryStorage(60_000, 3);
    for (const k of ["a", "b", "c", "d"]) await s.write({ [k]: { k } });
    assert.equal(s.size, 3);
    assert.deepEqual(await s.read(["a"]), {});
    s.close();
  });
});
