import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./paths";

/**
 * Start-up work (analysing every keyword, building the search index and the classifier) saved
 * to dist/cache/ and reused while its inputs and the code that computes it are unchanged: `npm
 * run build` warms it, so `npm start` and `ask` start from a file instead of recomputing.
 * The key hashes the inputs and every compiled file of knowledge/, so a change to either
 * rebuilds it; a cache that cannot be read or written is simply rebuilt.
 */
const dir = () => join(projectRoot(), "dist", "cache");

let codeHash: string | undefined;
/** Hash of the compiled knowledge/ code: analysis or scoring changes invalidate every snapshot. */
function knowledgeCode(): string {
  if (codeHash) return codeHash;
  const h = createHash("sha256");
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js")) h.update(e.name).update(readFileSync(p));
    }
  };
  try {
    walk(join(projectRoot(), "dist", "knowledge"));
  } catch {
    h.update("source");
  }
  codeHash = h.digest("hex").slice(0, 16);
  return codeHash;
}

export function snapshotKey(...inputs: string[]): string {
  const h = createHash("sha256").update(knowledgeCode());
  for (const i of inputs) h.update("\u0000").update(i);
  return h.digest("hex").slice(0, 24);
}

/** The snapshot `name` for `key`, built and saved when missing. */
export function snapshot<T>(name: string, key: string, build: () => T, encode: (t: T) => Buffer, decode: (b: Buffer) => T): T {
  const file = join(dir(), `${name}-${key}.bin`);
  try {
    return decode(readFileSync(file));
  } catch {
    // Not there yet, or unreadable: build it.
  }
  const value = build();
  if (process.env.REITTI_NO_SNAPSHOT !== "1") {
    try {
      mkdirSync(dir(), { recursive: true });
      // Older snapshots of this name are left behind by content edits: keep only the current one.
      for (const f of readdirSync(dir())) if (f.startsWith(`${name}-`) && f !== `${name}-${key}.bin`) rmQuiet(join(dir(), f));
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, encode(value));
      renameSync(tmp, file);
    } catch {
      // A read-only install still works; it only starts slower.
    }
  }
  return value;
}

function rmQuiet(path: string): void {
  try {
    rmSync(path);
  } catch {
    // Another process removed it first.
  }
}
