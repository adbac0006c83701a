import { redact } from "./redact";

/** One JSON line per event on stderr; every string passes through redact() first. */
export function log(event: string, fields: Record<string, string | number | boolean | undefined> = {}): void {
  if (process.env.REITTI_QUIET === "1") return;
  const clean: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = typeof v === "string" ? redact(v) : v;
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event, ...clean }) + "\n");
}
