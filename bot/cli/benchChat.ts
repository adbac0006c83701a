// npm run bench:chat: what a resident waits for in real Chromium against the real server.
// 1. Greeting visible after opening the page, cold cache, on an emulated 4G link (70 ms latency,
//    9 Mbit/s each way, Chrome DevTools Protocol Network.emulateNetworkConditions); also when Web
//    Chat itself is ready to type into. 2. Send → reply visible, median over 20 Finnish questions,
//    on the same 4G link and over loopback. Numbers, not a pass/fail test.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { createGuide } from "../../knowledge/guide";
import { projectRoot } from "../../knowledge/paths";
import { loadConfig } from "../config";
import { createServer } from "../server";
import { wire } from "../wiring";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LINK_4G = { offline: false, latency: 70, downloadThroughput: (9e6 / 8), uploadThroughput: (9e6 / 8) };
const LOADS = 5;
const QUESTIONS = 20;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const ms = (x: number) => `${Math.round(x)} ms`;
const summary = (xs: number[]) => `median ${ms(median(xs))}, min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;

// Runs in the page from its first script: the moments the greeting and the send box first show.
function watchPage(): void {
  const w = window as unknown as Record<string, number | undefined>;
  const tick = () => {
    const visible = [...document.querySelectorAll(".prechat__bubble, .webchat__bubble__content")]
      .some((e) => (e as HTMLElement).offsetParent !== null && /Olen Reitti/.test((e as HTMLElement).innerText));
    if (visible && w.__greetingAt === undefined) w.__greetingAt = performance.now();
    if (document.querySelector("[data-id='webchat-sendbox-input']") && w.__webChatAt === undefined) w.__webChatAt = performance.now();
    if (w.__greetingAt === undefined || w.__webChatAt === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function emulate4G(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", LINK_4G);
}

async function firstLoad(browser: Browser, url: string): Promise<{ greeting: number; webChat: number; bytes: number }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await emulate4G(page);
  await page.addInitScript(watchPage);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (window as unknown as { __webChatAt?: number }).__webChatAt !== undefined && (window as unknown as { __greetingAt?: number }).__greetingAt !== undefined, undefined, { timeout: 60000 });
  const r = await page.evaluate(() => {
    const w = window as unknown as { __greetingAt: number; __webChatAt: number };
    const bytes = performance.getEntriesByType("resource").reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0);
    return { greeting: w.__greetingAt, webChat: w.__webChatAt, bytes };
  });
  await context.close();
  return r;
}

/** Sends each question and times, in the page, from the Enter key to the first new bot message drawn. */
async function replies(browser: Browser, url: string, questions: string[], slow: boolean): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  if (slow) await emulate4G(page);
  await page.goto(url);
  const box = page.locator("[data-id='webchat-sendbox-input']").first();
  await box.waitFor({ timeout: 60000 });
  await page.evaluate(() => {
    const w = window as unknown as { __botAt: number[] };
    w.__botAt = [];
    const botCount = () => [...document.querySelectorAll(".webchat__stacked-layout")].filter((e) => !e.classList.contains("webchat__stacked-layout--from-user")).length;
    let seen = botCount();
    new MutationObserver(() => {
      const n = botCount();
      if (n > seen) w.__botAt.push(performance.now());
      seen = n;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const out: number[] = [];
  for (const q of questions) {
    await page.waitForTimeout(300);
    await box.fill(q);
    const before = await page.evaluate(() => (window as unknown as { __botAt: number[] }).__botAt.length);
    // The moment of the Enter key, taken in the page, so the driver's own delays do not count.
    const pressed = page.evaluate(() => new Promise<number>((resolve) => {
      document.addEventListener("keydown", (e) => { if (e.key === "Enter") resolve(performance.now()); }, { once: true, capture: true });
    }));
    await box.press("Enter");
    const t0 = await pressed;
    await page.waitForFunction((n) => (window as unknown as { __botAt: number[] }).__botAt.length > n, before, { timeout: 30000 });
    const t1 = await page.evaluate((n) => (window as unknown as { __botAt: number[] }).__botAt[n], before);
    out.push(t1 - t0);
  }
  await context.close();
  return out;
}

async function main(): Promise<void> {
  process.env.REITTI_QUIET = "1";
  const guide = await createGuide();
  const config = loadConfig({ RATE_LIMIT_PER_MINUTE: "0" });
  const wired = wire(guide, config);
  const server = createServer({ guide, config, mount: wired.mount, metrics: wired.metrics }).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const questions = readFileSync(join(projectRoot(), "test", "data", "devset.jsonl"), "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; lang?: string }).filter((q) => q.lang === "fi").map((q) => q.text).slice(0, QUESTIONS);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    await firstLoad(browser, url); // warms the server's caches (compressed assets), not the browser's
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstLoad(browser, url));
    process.stdout.write(`First load on emulated 4G (70 ms, 9 Mbit/s), cold cache, ${LOADS} loads, ${Math.round(loads[0].bytes / 1024)} KiB transferred:\n`);
    process.stdout.write(`  greeting visible:        ${summary(loads.map((l) => l.greeting))}\n`);
    process.stdout.write(`  Web Chat ready to type:  ${summary(loads.map((l) => l.webChat))}\n`);
    const fast = await replies(browser, url, questions, false);
    process.stdout.write(`Send → reply visible, ${questions.length} questions, loopback:        ${summary(fast)}\n`);
    const slow = await replies(browser, url, questions, true);
    process.stdout.write(`Send → reply visible, ${questions.length} questions, emulated 4G:     ${summary(slow)}\n`);
  } finally {
    await browser.close();
    server.close();
    wired.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:chat failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
