import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { projectRoot } from "../knowledge/paths";

/** A static file as sent: its bytes, compressed forms, type and a content hash for caching. */
export interface Asset {
  body: Buffer;
  br?: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

/** Where `npm run build` leaves pre-compressed copies of the large files (dist/web/). */
export const precompressedDir = (): string => join(projectRoot(), "dist", "web");

/** Files smaller than this go uncompressed: the headers would cost more than they save. */
const COMPRESS_FROM_BYTES = 1024;

function stamp(path: string): string {
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

/**
 * Brotli at its best quality takes about 12 s for the 3.9 MB Web Chat bundle, so it runs at build
 * time and only when the bundle changed; the server then reads the result.
 */
export function precompress(path: string, outDir = precompressedDir()): { br: string; gz: string; fresh: boolean } {
  const name = basename(path);
  const br = join(outDir, `${name}.br`);
  const gz = join(outDir, `${name}.gz`);
  const stampFile = join(outDir, `${name}.stamp`);
  const want = stamp(path);
  if (existsSync(br) && existsSync(gz) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === want) return { br, gz, fresh: false };
  mkdirSync(outDir, { recursive: true });
  const body = readFileSync(path);
  writeFileSync(br, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
  writeFileSync(gz, gzipSync(body, { level: 9 }));
  writeFileSync(stampFile, want);
  return { br, gz, fresh: true };
}

/** Builds an asset from bytes: pre-compressed copies when the build made them, else compressed here once. */
export function makeAsset(body: Buffer, type: string, sourcePath?: string): Asset {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  if (body.length < COMPRESS_FROM_BYTES) return { body, type, etag };
  if (sourcePath) {
    const name = basename(sourcePath);
    const br = join(precompressedDir(), `${name}.br`);
    const gz = join(precompressedDir(), `${name}.gz`);
    const stampFile = join(precompressedDir(), `${name}.stamp`);
    if (existsSync(br) && existsSync(gz) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp(sourcePath)) {
      return { body, type, etag, br: readFileSync(br), gzip: readFileSync(gz) };
    }
  }
  // Quick settings: this runs while a request waits.
  return {
    body, type, etag,
    br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: gzipSync(body, { level: 6 }),
  };
}
