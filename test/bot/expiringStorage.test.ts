import assert from "node:assert/strict";
import { ExpiringMemoryStorage } from "../../bot/expiringStorage";
import { redact } from "../../bot/redact";

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

describe("redaction before anything is logged", () => {
  it("hides identity codes, phone numbers and e-mail addresses", () => {
    const out = redact("hetu 131052-308T, puh 040 123 4567 tai +358 40 1234567, maili matti.m@example.fi");
    assert.doesNotMatch(out, /131052|308T|040 123|1234567|matti/);
    assert.match(out, /\[identity code\].*\[phone\].*\[phone\].*\[e-mail\]/);
  });
});
