import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../knowledge/paths";
import { snapshot, snapshotKey } from "../../knowledge/snapshot";

// Start-up snapshots must never answer with stale work: a new input means a new key and a rebuild.
describe("start-up snapshots", () => {
  const name = `test-snapshot-${process.pid}`;
  const encode = (n: number) => Buffer.from(String(n));
  const decode = (b: Buffer) => Number(b.toString());
  after(() => {
    const dir = join(projectRoot(), "dist", "cache");
    for (const f of readdirSync(dir)) if (f.startsWith(name)) rmSync(join(dir, f));
  });

  it("builds once, then reads the saved value while the inputs are the same", () => {
    let builds = 0;
    const key = snapshotKey("content v1");
    assert.equal(snapshot(name, key, () => ++builds * 10, encode, decode), 10);
    assert.equal(snapshot(name, key, () => ++builds * 10, encode, decode), 10);
    assert.equal(builds, 1);
  });

  it("rebuilds when an input changes", () => {
    let builds = 0;
    assert.notEqual(snapshotKey("content v1"), snapshotKey("content v2"));
    assert.equal(snapshot(name, snapshotKey("content v2"), () => ++builds + 100, encode, decode), 101);
    assert.equal(builds, 1);
  });
});
