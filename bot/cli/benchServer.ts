// The server as `npm start` runs it, measured from outside: start-up to the first /healthz, idle
// memory, autocannon load on /healthz and on POST /api/ask in the same run, memory after the
// load, and Direct Line post-and-poll round trips. Used by `npm run bench`.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";
import { projectRoot } from "../../knowledge/paths";

export interface Load { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number }
export interface ServerBench {
  startMs: number;
  idleRss: number;
  healthz: Load;
  ask: Load;
  afterRss: number;
  /** The same 30 s later: V8 gives back what the burst's garbage took once the server is idle. */
  settledRss: number;
  directLine: { p50: number; p99: number; n: number };
}

const CONNECTIONS = 32;
const SETTLE_MS = 30_000;
const SECONDS = 10;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

/** Resident memory of a process, from /proc (MiB). */
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server as `npm start` does and times it to the first 200 on /healthz. */
async function start(port: number): Promise<{ child: ChildProcess; ms: number }> {
  const t = performance.now();
  const child = spawn(process.execPath, ["--max-semi-space-size=1", "--optimize-for-size", join(projectRoot(), "dist", "bot", "main.js")], {
    // Logging as in production (to a pipe nobody reads); no rate limit, since all load comes from one address.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "REITTI_QUIET")), PORT: String(port), HOST: "127.0.0.1", RATE_LIMIT_PER_MINUTE: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { child, ms: performance.now() - t };
    await sleep(5);
  }
}

function load(result: autocannon.Result): Load {
  return {
    rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx,
  };
}

/**
 * Each request asks a different text of natural length: the questions in turn, then each question
 * with one of its words left out (the first pass leaves out the first word, the next the second...),
 * so no answer and no whole-text segmentation is ever computed twice.
 */
export function distinctTexts(questions: Array<{ text: string }>): () => string {
  let i = 0;
  return () => {
    const k = i++;
    const q = questions[k % questions.length].text;
    const round = Math.floor(k / questions.length);
    if (round === 0) return q;
    const words = q.split(/\s+/);
    // A one-word question has nothing to leave out: it gets the round's number instead.
    if (words.length < 2) return `${q} ${round}`;
    const drop = (round - 1) % words.length;
    return [...words.slice(0, drop), ...words.slice(drop + 1), ...(round > words.length ? [String(round)] : [])].join(" ");
  };
}

async function directLine(base: string, questions: string[]): Promise<{ p50: number; p99: number; n: number }> {
  const times: number[] = [];
  for (let c = 0; c < 10; c++) {
    const { token, conversationId } = await fetch(`${base}/v3/directline/tokens/generate`, { method: "POST" }).then((r) => r.json() as Promise<{ token: string; conversationId: string }>);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    await fetch(`${base}/v3/directline/conversations`, { method: "POST", headers: auth });
    let watermark = "";
    for (let k = 0; k < 20; k++) {
      const text = questions[(c * 20 + k) % questions.length];
      const t = performance.now();
      await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`, {
        method: "POST", headers: auth, body: JSON.stringify({ type: "message", from: { id: "bench" }, text }),
      });
      // Poll as Web Chat does until a bot message comes back.
      for (;;) {
        const r = await fetch(`${base}/v3/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: auth })
          .then((x) => x.json() as Promise<{ activities: Array<{ from: { role?: string }; type: string }>; watermark: string }>);
        watermark = r.watermark;
        if (r.activities.some((a) => a.type === "message" && a.from.role !== "user")) break;
        await sleep(1);
      }
      times.push(performance.now() - t);
    }
  }
  const s = times.sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length / 2)], p99: s[Math.floor(s.length * 0.99)], n: s.length };
}

export async function serverBench(questions: Array<{ text: string; lang: string }>): Promise<ServerBench> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { child, ms } = await start(port);
  try {
    await sleep(1000);
    const idleRss = rssOf(child.pid ?? 0);
    const healthz = load(await autocannon({ url: `${base}/healthz`, connections: CONNECTIONS, duration: SECONDS }));
    const next = distinctTexts(questions);
    const ask = load(await autocannon({
      url: `${base}/api/ask`, connections: CONNECTIONS, duration: SECONDS,
      requests: [{ method: "POST", headers: { "content-type": "application/json" }, setupRequest: (req) => ({ ...req, body: JSON.stringify({ text: next() }) }) }],
    }));
    const afterRss = rssOf(child.pid ?? 0);
    const dl = await directLine(base, questions.map((q) => q.text).reverse());
    await sleep(SETTLE_MS);
    const settledRss = rssOf(child.pid ?? 0);
    return { startMs: ms, idleRss, healthz, ask, afterRss, settledRss, directLine: dl };
  } finally {
    child.kill("SIGTERM");
  }
}
