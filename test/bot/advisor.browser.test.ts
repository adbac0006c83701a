import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { cspViolations, serverAndBrowser, seriousAxeViolations } from "./browser";

describe("the advisors' page /advisor in a real browser", function () {
  this.timeout(60000);
  const env = serverAndBrowser();
  let context: BrowserContext;
  let page: Page;
  let csp: string[] = [];

  const open = async (width = 1280, height = 900) => {
    context = await env.browser().newContext({ viewport: { width, height } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.url() });
    page = await context.newPage();
    csp = cspViolations(page);
    await page.goto(env.url() + "/advisor");
    // The whole catalogue shows before anything is typed.
    await page.locator("#result-body tr").first().waitFor({ timeout: 15000 });
  };
  afterEach(async () => {
    await context?.close();
    assert.deepEqual(csp, [], "the page works under its Content-Security-Policy");
  });

  const rows = () => page.locator("#result-body tr");
  /** Waits until the first row is the given service. */
  const firstRowIs = (id: string) =>
    page.waitForFunction((want) => document.querySelector("#result-body tr")?.getAttribute("data-id") === want, id, { timeout: 10000 });
  const search = async (text: string) => {
    await page.locator("#q").fill(text);
  };

  it("finds pay subsidy first for 'palkkatuki' and shows it as centralised", async () => {
    await open();
    await search("palkkatuki");
    await firstRowIs("pay-subsidy");
    const first = rows().first();
    assert.match(await first.locator("th[scope=row]").innerText(), /Palkkatuki/);
    assert.match(await first.locator("td.c-delivery").innerText(), /keskitetty/);
    assert.match(await page.locator("#count").innerText(), /^\d+ palvelu/);
  });

  it("takes a question in another language and still shows the page's language", async () => {
    await open();
    await search("зарплата");
    await firstRowIs("pay-subsidy");
    assert.match(await rows().first().locator("th[scope=row]").innerText(), /^Palkkatuki/);
  });

  it("shows Kempele's own channel for work trial when Kempele is chosen", async () => {
    await open();
    await page.locator("#municipality").selectOption("kempele");
    await search("työkokeilu");
    await firstRowIs("work-trial");
    await page.waitForFunction(() => /Kempeleen kunnan työllisyyspalvelut/.test(
      document.querySelector("#result-body tr[data-id='work-trial'] td.c-channel")?.textContent ?? ""), undefined, { timeout: 10000 });
    const channel = await page.locator("#result-body tr[data-id='work-trial'] td.c-channel").innerText();
    assert.match(channel, /Kempeleen kunnan työllisyyspalvelut/);
    assert.doesNotMatch(channel, /Valitse kunta/);
  });

  it("asks for a municipality when the channel depends on it", async () => {
    await open();
    await search("työkokeilu");
    await firstRowIs("work-trial");
    assert.match(await page.locator("#result-body tr[data-id='work-trial'] td.c-channel").innerText(), /Valitse kunta/);
  });

  it("filters by delivery: other-area lists maritime job placement, every row labelled", async () => {
    await open();
    await page.locator("#delivery").selectOption("other-area");
    await page.waitForFunction(() => {
      const trs = Array.from(document.querySelectorAll("#result-body tr"));
      return trs.length > 0 && trs.every((tr) => tr.querySelector("td.c-delivery")?.textContent?.includes("muu työllisyysalue"));
    }, undefined, { timeout: 10000 });
    const cells = await page.locator("#result-body td.c-delivery").allInnerTexts();
    assert.ok(cells.length >= 1);
    for (const c of cells) assert.match(c, /muu työllisyysalue/);
    assert.match(await page.locator("#result-body").innerText(), /Merityönvälitys/);
  });

  it("copies the work-trial guidance with the channel name and the plan's section", async () => {
    await open();
    await page.locator("#municipality").selectOption("kempele");
    await search("työkokeilu");
    await firstRowIs("work-trial");
    await page.waitForFunction(() => /Kempeleen/.test(document.querySelector("#result-body tr td.c-channel")?.textContent ?? ""), undefined, { timeout: 10000 });
    await page.locator("#result-body tr[data-id='work-trial'] button.copy").click();
    await page.waitForFunction(() => /2\.2\.1/.test(document.querySelector("#copy-text")?.textContent ?? ""), undefined, { timeout: 10000 });
    const status = await page.locator("#copy-status").innerText();
    assert.match(status, /Kopioitu/);
    assert.match(status, /Kempeleen kunnan työllisyyspalvelut/);
    assert.match(status, /2\.2\.1/);
    assert.equal(await page.locator("#copy-status").getAttribute("aria-live"), "polite");
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(clip, /Kempeleen kunnan työllisyyspalvelut/);
    assert.match(clip, /2\.2\.1/);
  });

  it("copies guidance in the customer's language", async () => {
    await open();
    await page.locator("#customer-lang").selectOption("uk");
    await search("työkokeilu");
    await firstRowIs("work-trial");
    await page.locator("#result-body tr[data-id='work-trial'] button.copy").click();
    await page.waitForFunction(() => /2\.2\.1/.test(document.querySelector("#copy-text")?.textContent ?? ""), undefined, { timeout: 10000 });
    assert.equal(await page.locator("#copy-text").getAttribute("lang"), "uk");
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /[\u0400-\u04FF]/);
  });

  it("works with the keyboard only", async () => {
    await open();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
    await page.keyboard.type("työkokeilu");
    await firstRowIs("work-trial");
    // Tab to the municipality filter and pick Kempele by typing its name.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "municipality");
    await page.keyboard.type("Kempele");
    await page.waitForFunction(() => /Kempeleen kunnan työllisyyspalvelut/.test(
      document.querySelector("#result-body tr[data-id='work-trial'] td.c-channel")?.textContent ?? ""), undefined, { timeout: 10000 });
    // Tab onward until the first row's copy button has focus, then press Enter.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => {
        const a = document.activeElement;
        return !!a && a.matches("button.copy") && a.getAttribute("data-id") === "work-trial";
      });
    }
    assert.ok(reached, "Tab reaches the work-trial row's copy button");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, "none", "the focused button shows a focus outline");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /2\.2\.1/.test(document.querySelector("#copy-text")?.textContent ?? ""), undefined, { timeout: 10000 });
    assert.match(await page.locator("#copy-text").innerText(), /Kempeleen kunnan työllisyyspalvelut/);
  });

  it("fits a 360 px screen: rows are visible cards and the body does not scroll sideways", async () => {
    await open(360, 740);
    await search("palkkatuki");
    await firstRowIs("pay-subsidy");
    const first = rows().first();
    assert.ok(await first.isVisible());
    const box = await first.boundingBox();
    assert.ok(box && box.width > 200 && box.x >= 0 && box.x + box.width <= 361, `row box ${JSON.stringify(box)}`);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 361, `scrollWidth ${scrollWidth}`);
    // Still a table to assistive technology.
    assert.equal(await page.locator("table#result-table").getAttribute("id"), "result-table");
    assert.equal(await page.locator("#result-table thead th[scope=col]").count(), 9);
  });

  it("switches the page to Swedish", async () => {
    await open();
    await page.locator("#page-lang").selectOption("sv");
    await page.waitForFunction(() => document.documentElement.lang === "sv", undefined, { timeout: 10000 });
    await search("palkkatuki");
    await firstRowIs("pay-subsidy");
    assert.match(await page.locator("label[for=q]").innerText(), /Sök/);
    await page.waitForFunction(() => /tjänst/.test(document.querySelector("#count")?.textContent ?? ""), undefined, { timeout: 10000 });
  });

  it("prints the whole catalogue in LIITE 1's groups", async () => {
    await open();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed++; };
    });
    await search("palkkatuki");
    await firstRowIs("pay-subsidy");
    await page.locator("#print-button").click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1, undefined, { timeout: 10000 });
    const groups = await page.locator("#print-groups h3").allInnerTexts();
    assert.equal(groups.length, 4);
    assert.match(groups[0], /^Lähipalveluina kunnissa/);
    assert.match(groups[1], /^Keskitettävät palvelut omana tuotantona \(vastuukunta\)/);
    assert.match(groups[2], /^Ostopalvelut \(hankitaan keskitetysti\)/);
    assert.match(groups[3], /^Valtio, kumppanit ja muut alueet/);
    const ids = (n: number) => page.locator(`#print-groups section:nth-child(${n}) tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    const total = await page.evaluate(() => fetch("/api/services").then((r) => r.json()).then((d) => d.services.length as number));
    const all = new Set([...(await ids(1)), ...(await ids(2)), ...(await ids(3)), ...(await ids(4))]);
    assert.equal(all.size, total, "every service is in some group");
    assert.ok((await ids(2)).includes("pay-subsidy"));
    assert.ok((await ids(1)).includes("career-coaching") && (await ids(3)).includes("career-coaching"), "a service sits in each group its delivery names");
    assert.ok((await ids(4)).includes("maritime-job-placement"));
  });

  it("says so clearly when nothing matches", async () => {
    await open();
    await search("xqzzvbnm");
    await page.waitForFunction(() => /Ei osumia/.test(document.querySelector("#count")?.textContent ?? ""), undefined, { timeout: 10000 });
    assert.equal(await page.locator("#result-table").isVisible(), false);
    assert.equal(await page.locator("#count").getAttribute("aria-live"), "polite");
  });

  for (const width of [1280, 360]) it(`has no serious or critical accessibility violations after a search at ${width} px (axe-core)`, async () => {
    await open(width, 800);
    await page.locator("#municipality").selectOption("kempele");
    await search("työkokeilu");
    await firstRowIs("work-trial");
    await page.locator("#result-body tr[data-id='work-trial'] button.copy").click();
    await page.waitForFunction(() => /2\.2\.1/.test(document.querySelector("#copy-text")?.textContent ?? ""), undefined, { timeout: 10000 });
    assert.deepEqual(await seriousAxeViolations(page), []);
  });
});
