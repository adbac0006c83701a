/**
 * A memo bounded in bytes: the oldest entries go first when a new one does not fit. Cheaper
 * than a least-recently-used list (no reordering on a hit), and for words and segmentations,
 * which recur or don't, first-in-first-out keeps nearly the same entries.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number, private readonly sizeOf: (value: V, key: string) => number) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    const bytes = this.sizeOf(value, key);
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    for (const [k, e] of this.entries) {
      if (this.bytes + bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
  }

  /** Bytes held, as the size function counts them. */
  get size(): number {
    return this.bytes;
  }
}
