/**
 * Plain data with typed arrays as one buffer, for start-up snapshots: a JSON header (the plain
 * part, and each array's name, type and length), then the arrays, each at an 8-byte boundary so
 * that reading them back is a view on the file's bytes, not a copy or a parse.
 */
export type Typed = Int32Array | Uint16Array | Uint8Array | Float32Array | Float64Array;
const KINDS = { Int32Array, Uint16Array, Uint8Array, Float32Array, Float64Array } as const;
type Kind = keyof typeof KINDS;

const pad8 = (n: number) => (n + 7) & ~7;

export function pack(meta: unknown, arrays: Record<string, Typed>): Buffer {
  const list = Object.entries(arrays).map(([name, a]) => ({ name, kind: a.constructor.name as Kind, length: a.length }));
  const header = Buffer.from(JSON.stringify({ meta, arrays: list }));
  const start = pad8(8 + header.length);
  let size = start;
  for (const [, a] of Object.entries(arrays)) size = pad8(size + a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 8);
  let at = start;
  for (const [, a] of Object.entries(arrays)) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = pad8(at + a.byteLength);
  }
  return out;
}

export function unpack(b: Buffer): { meta: unknown; arrays: Record<string, Typed> } {
  const headerLength = b.readUInt32LE(0);
  const { meta, arrays: list } = JSON.parse(b.subarray(8, 8 + headerLength).toString("utf8")) as {
    meta: unknown; arrays: Array<{ name: string; kind: Kind; length: number }>;
  };
  // A file read whole starts its own 8-aligned memory; anything else is copied once to be so.
  const bytes = b.byteOffset % 8 === 0 ? b : Buffer.from(new Uint8Array(b));
  const memory = bytes.buffer;
  if (!(memory instanceof ArrayBuffer)) throw new Error("snapshot: shared memory is not expected here");
  let at = pad8(8 + headerLength);
  const arrays: Record<string, Typed> = {};
  for (const { name, kind, length } of list) {
    const Make = KINDS[kind];
    if (!Make) throw new Error(`snapshot: unknown array type ${kind}`);
    arrays[name] = new Make(memory, bytes.byteOffset + at, length);
    at = pad8(at + length * Make.BYTES_PER_ELEMENT);
  }
  return { meta, arrays };
}

/** One array of an unpacked snapshot, of the type expected; a snapshot without it is refused (and rebuilt). */
export function typed<T extends Typed>(arrays: Record<string, Typed>, name: string, make: new (...args: never[]) => T): T {
  const a = arrays[name];
  if (!(a instanceof make)) throw new Error(`snapshot: ${name} missing`);
  return a;
}
