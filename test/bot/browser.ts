import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { projectRoot } from "../../knowledge/paths";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** The real server, started the way `npm start` starts it, on a free loopback port or the one given (a restart). */
export async function startServer(env: NodeJS.ProcessEnv = {}, onPort?: number): Promise<{ url: string; port: number; child: ChildProcess; stop: () => Promise<void> }> {
  const port = onPort ?? await freePort();
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", REITTI_QUIET: "1", ...env };
  // `{ HOST: undefined }` means: leave it unset, as a user who never heard of it would.
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  // The same V8 flags as `npm start` (package.json): a small young generation and a heap that favours size keep memory flat.
  const child: ChildProcess = spawn(process.execPath, ["--max-semi-space-size=1", "--optimize-for-size", join(projectRoot(), "dist", "bot", "main.js")], {
    env: full,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => { stderr += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  // Start-up is about 2 s alone, far more on a machine shared with other work.
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** axe-core's source, to inject into a page. */
export function axeSource(): string {
  return readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
}

interface AxeResult { violations: Array<{ id: string; impact: string | null; nodes: unknown[] }> }

/** Runs axe-core in the page: the serious and critical violations, as "rule (count)". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated by the test harness rather than added as an inline <script>, which the page's CSP refuses.
  await page.evaluate(axeSource());
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe;
    return axe.run(document);
  });
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
}

/** Collects the page's Content-Security-Policy violations (the console reports each one). */
export function cspViolations(page: Page): string[] {
  const found: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) found.push(m.text().slice(0, 200));
  });
  return found;
}

/** Mocha hooks: the real server and one Chromium for a whole describe block. */
export function serverAndBrowser(): { url: () => string; browser: () => Browser } {
  let server: { url: string; stop: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    url: () => server!.url,
    browser: () => browser!,
  };
}
