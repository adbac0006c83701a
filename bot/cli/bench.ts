// npm run bench: latency of the ask pipeline and the catalogue search, start-up and memory,
// measured on distinct questions (each asked once). Numbers, not a pass/fail test.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createGuide } from "../../knowledge/guide";
import { listServices } from "../../knowledge/catalogue";
import { projectRoot } from "../../knowledge/paths";
import { loadConfig } from "../config";
import { redact } from "../redact";
import { createServer } from "../server";
import { wire } from "../wiring";

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(3);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s[s.length - 1].toFixed(3)} ms (n=${s.length})`;
}

const load = (file: string) => readFileSync(join(projectRoot(), "test", "data", file), "utf8")
  .split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);

/** Wall time of one `ask --jsonl` process answering these questions, start to exit. */
function askProcess(texts: string[]): number {
  const input = texts.map((text) => JSON.stringify({ text })).join("\n") + "\n";
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(projectRoot(), "dist", "bot", "cli", "ask.js"), "--jsonl"], {
    input, env: { ...process.env, REITTI_QUIET: "1" }, stdio: ["pipe", "ignore", "pipe"],
  });
  if (r.status !== 0) throw new Error(`ask exited ${r.status}: ${r.stderr.toString()}`);
  return performance.now() - t;
}

async function main(): Promise<void> {
  process.env.REITTI_QUIET = "1";
  const t0 = performance.now();
  const guide = await createGuide();
  const startup = performance.now() - t0;
  // Warm up on the development set; measure on other questions, each asked once, so no cache
  // of earlier answers or segmentations can help.
  const warm = load("devset.jsonl");
  const seen = new Set(warm);
  const questions = [...new Set(["heldout.jsonl", "blind1-fisven.jsonl", "blind1-nine.jsonl", "blind2-fisven.jsonl", "blind2-nine.jsonl"].flatMap(load))]
    .filter((q) => !seen.has(q));
  for (const text of warm) guide.ask({ text });
  const ask: number[] = [];
  for (const text of questions) {
    const t = performance.now();
    guide.ask({ text });
    ask.push(performance.now() - t);
  }
  const half = Math.floor(questions.length / 2);
  const search: number[] = [];
  for (const q of questions.slice(0, half)) {
    const t = performance.now();
    listServices(guide, { q, municipality: "kempele" });
    search.push(performance.now() - t);
  }

  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: "0" });
  const wired = wire(guide, config);
  const app = createServer({ guide, config, mount: wired.mount, metrics: wired.metrics });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const http: number[] = [];
  // Texts not yet asked of this process: the second half.
  for (const text of questions.slice(half)) {
    const t = performance.now();
    const r = await fetch(`http://127.0.0.1:${port}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
    await r.json();
    http.push(performance.now() - t);
  }
  // Memory after 5,000 distinct questions over HTTP: caches are bounded in bytes, so what stays
  // after a collection should not grow with the number of different questions.
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => { gc?.(); return process.memoryUsage(); };
  const before = heap();
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = ["työ", "palkka", "tuki", "kokeilu", "haku", "Oulu", "Kempele", "yritys", "koulutus", "neuvonta", "job", "work", "apua", "nuori", "kieli", "asun"];
  const question = () => { let q = ""; while (q.length < 60) q += `${words[Math.floor(rand() * words.length)]}${Math.floor(rand() * 1e6).toString(36)} `; return q; };
  for (let i = 0; i < 5000; i += 8) {
    await Promise.all(Array.from({ length: 8 }, () => fetch(`http://127.0.0.1:${port}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: question() }) }).then((r) => r.arrayBuffer())));
  }
  const after = heap();
  const memory = `rss ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(before.heapUsed / 2 ** 20).toFixed(0)} → ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB${gc ? " (after collection)" : " (run with node --expose-gc for collected numbers)"}`;
  server.close();
  await wired.close();

  // Redaction must be linear: doubling the input should about double the time, not quadruple it.
  const redaction = [15_000, 30_000, 60_000].map((n) => {
    const text = "/" + "1".repeat(n) + "x";
    const t = performance.now();
    for (let i = 0; i < 20; i++) redact(text);
    return `${n} digits ${((performance.now() - t) / 20).toFixed(3)} ms`;
  });

  const mem = process.memoryUsage();
  // The command line as a user runs it: start-up with one question, and the cost of each more.
  const one = askProcess(questions.slice(0, 1));
  const many = askProcess(questions);
  const marginal = (many - one) / (questions.length - 1);
  process.stdout.write([
    `distinct questions measured:       ${questions.length} (warm-up on ${warm.length} others)`,
    `start-up in process:               ${startup.toFixed(0)} ms`,
    `ask --jsonl, one question:         ${one.toFixed(0)} ms for the whole process`,
    `ask --jsonl, each further question: ${marginal.toFixed(3)} ms (${questions.length} questions in ${many.toFixed(0)} ms)`,
    `guide.ask in process:              ${stats(ask)}`,
    `/api/services search in process:   ${stats(search)}`,
    `POST /api/ask over loopback HTTP:  ${stats(http)}`,
    `log redaction:                     ${redaction.join(", ")}`,
    `5,000 distinct questions:          ${memory}`,
    `memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  ].join("\n") + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
