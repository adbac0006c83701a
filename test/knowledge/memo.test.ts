import assert from "node:assert/strict";
import { BoundedMemo } from "../../knowledge/memo";

describe("a memo bounded in bytes", () => {
  const size = (v: string, k: string) => 2 * (k.length + v.length);

  it("never holds more bytes than its budget, however many different words come", () => {
    const memo = new BoundedMemo<string>(1000, size);
    for (let i = 0; i < 10_000; i++) {
      memo.set(`word${i}`, `analysis of word ${i}`);
      assert.ok(memo.size <= 1000, `held ${memo.size} bytes after ${i + 1} words`);
    }
  });

  it("lets the oldest entries go first and keeps the newest", () => {
    const memo = new BoundedMemo<string>(100, size);
    for (let i = 0; i < 20; i++) memo.set(`k${i}`, "v");
    assert.equal(memo.get("k0"), undefined);
    assert.equal(memo.get("k19"), "v");
  });

  it("does not keep an entry larger than the whole budget", () => {
    const memo = new BoundedMemo<string>(10, size);
    memo.set("long", "x".repeat(100));
    assert.equal(memo.get("long"), undefined);
    assert.equal(memo.size, 0);
  });
});
