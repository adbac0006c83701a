// npm run bench: speed and memory, measured on distinct questions that are in no test set
// (bench/questions.jsonl, each asked once), from inside the process and from outside.
// Numbers, not a pass/fail test.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createGuide } from "../../knowledge/guide";
import { listServices } from "../../knowledge/catalogue";
import { projectRoot } from "../../knowledge/paths";
import { redact } from "../redact";
import { serverBench, type Load } from "./benchServer";

const Question = z.object({ text: z.string().min(1), lang: z.string() });

function quantiles(ms: number[]): { p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}
const f3 = (x: number) => x.toFixed(3);
const stats = (ms: number[]) => {
  const q = quantiles(ms);
  return `p50 ${f3(q.p50)} ms, p95 ${f3(q.p95)} ms, p99 ${f3(q.p99)} ms, max ${f3(q.max)} ms (n=${ms.length})`;
};
const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim());

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

/** Median of three runs: one slow run on a shared machine says little. */
const median3 = (f: () => number) => [f(), f(), f()].sort((a, b) => a - b)[1];

const load = (l: Load) => `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms (${l.requests} requests, ${l.errors} errors, ${l.non2xx} not 2xx)`;

async function main(): Promise<void> {
  process.env.REITTI_QUIET = "1";
  const questions = lines(join(projectRoot(), "bench", "questions.jsonl")).map((l) => Question.parse(JSON.parse(l)));
  const texts = [...new Set(questions.map((q) => q.text))];

  // The command line as a user runs it: start-up with one question, and the cost of each more.
  const one = median3(() => askProcess(texts.slice(0, 1)));
  const many = median3(() => askProcess(texts));
  const marginal = (many - one) / (texts.length - 1);

  const t0 = performance.now();
  const guide = await createGuide();
  const startup = performance.now() - t0;
  // Warm up on the development set (other questions); then each bench question once.
  for (const l of lines(join(projectRoot(), "test", "data", "devset.jsonl"))) guide.ask({ text: (JSON.parse(l) as { text: string }).text });
  const ask: number[] = [];
  for (const text of texts) {
    const t = performance.now();
    guide.ask({ text });
    ask.push(performance.now() - t);
  }
  const search: number[] = [];
  for (const q of texts) {
    const t = performance.now();
    listServices(guide, { q: `${q} ?`, municipality: "kempele" });
    search.push(performance.now() - t);
  }

  // Redaction must be linear: doubling the input should about double the time, not quadruple it.
  const redaction = [15_000, 30_000, 60_000].map((n) => {
    const text = "/" + "1".repeat(n) + "x";
    const t = performance.now();
    for (let i = 0; i < 20; i++) redact(text);
    return `${n} digits ${((performance.now() - t) / 20).toFixed(3)} ms`;
  });
  const inProcessRss = process.memoryUsage().rss / 2 ** 20;

  const server = await serverBench(questions);
  process.stdout.write([
    `distinct questions (bench/questions.jsonl): ${texts.length}`,
    `ask --jsonl, one question:          ${one.toFixed(0)} ms for the whole process`,
    `ask --jsonl, each further question: ${marginal.toFixed(3)} ms (${texts.length} questions in ${many.toFixed(0)} ms)`,
    `start-up in process:                ${startup.toFixed(0)} ms`,
    `guide.ask in process, first time:   ${stats(ask)}`,
    `/api/services search in process:    ${stats(search)}`,
    `log redaction:                      ${redaction.join(", ")}`,
    `in-process RSS after all this:      ${inProcessRss.toFixed(0)} MiB`,
    `server (npm start) to first /healthz 200: ${server.startMs.toFixed(0)} ms; idle RSS ${server.idleRss.toFixed(0)} MiB`,
    `GET /healthz, 32 connections:       ${load(server.healthz)}`,
    `POST /api/ask, 32 connections:      ${load(server.ask)}; each text different`,
    `ask / healthz throughput:           ${(server.ask.rps / server.healthz.rps).toFixed(2)}`,
    `server RSS after the ask load:      ${server.afterRss.toFixed(0)} MiB (${server.ask.requests} distinct questions); 30 s later ${server.settledRss.toFixed(0)} MiB`,
    `Direct Line post → reply polled:    p50 ${server.directLine.p50.toFixed(1)} ms, p99 ${server.directLine.p99.toFixed(1)} ms (n=${server.directLine.n})`,
  ].join("\n") + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
