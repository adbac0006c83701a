import assert from "node:assert/strict";
import { pack, unpack } from "../../knowledge/binary";

describe("snapshots of typed arrays", () => {
  const arrays = {
    ids: Int32Array.from([1, -2, 3]),
    weights: Float64Array.from([0.5, 1.25]),
    langs: Uint16Array.from([1, 2, 4, 8, 16]),
    flags: Uint8Array.from([1]),
    scores: Float32Array.from([0.25]),
  };

  it("reads back the same plain data and the same arrays", () => {
    const { meta, arrays: back } = unpack(pack({ labels: ["a", "b"] }, arrays));
    assert.deepEqual(meta, { labels: ["a", "b"] });
    for (const [k, a] of Object.entries(arrays)) assert.deepEqual([...back[k]], [...a], k);
    assert.ok(back.weights instanceof Float64Array);
  });

  it("reads a buffer that does not start on an 8-byte boundary", () => {
    const packed = pack({}, arrays);
    const shifted = Buffer.alloc(packed.length + 3);
    packed.copy(shifted, 3);
    const { arrays: back } = unpack(shifted.subarray(3));
    assert.deepEqual([...back.weights], [0.5, 1.25]);
  });
});
