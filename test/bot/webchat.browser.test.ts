import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { cspViolations, serverAndBrowser, seriousAxeViolations } from "./browser";

describe("the residents' web chat in a real browser", function () {
  this.timeout(60000);
  const env = serverAndBrowser();
  let page: Page;
  let csp: string[];

  beforeEach(async () => {
    page = await env.browser().newPage({ viewport: { width: 360, height: 740 } });
    csp = cspViolations(page);
    await page.goto(env.url() + "/");
  });
  afterEach(async () => {
    await page.close();
    assert.deepEqual(csp, [], "the page works under its Content-Security-Policy");
  });

  const send = async (text: string) => {
    const box = page.locator("input[data-id='webchat-sendbox-input'], textarea[data-id='webchat-sendbox-input']").first();
    await box.fill(text);
    await box.press("Enter");
  };

  it("greets in Finnish, answers a typed question with a card naming the channel", async () => {
    await page.getByText("Olen Reitti", { exact: false }).first().waitFor({ timeout: 15000 });
    await send("asun Kempeleessä, haluaisin työkokeiluun");
    const card = page.locator(".ac-adaptiveCard").last();
    await card.waitFor({ timeout: 10000 });
    await page.getByText("Kempeleen kunnan työllisyyspalvelut").first().waitFor({ timeout: 10000 });
    assert.match(await card.innerText(), /Työkokeilu/);
    assert.match(await card.innerText(), /2\.2\.1/);
  });

  it("switches to Arabic and lays the page out right to left", async () => {
    await page.getByText("Olen Reitti", { exact: false }).first().waitFor({ timeout: 15000 });
    await page.getByRole("button", { name: "العربية" }).first().click();
    await page.waitForFunction(() => document.documentElement.dir === "rtl", undefined, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ar");
    await send("كيف أحصل على دعم الأجور؟");
    await page.locator(".ac-adaptiveCard").last().waitFor({ timeout: 10000 });
    const dir = await page.evaluate(() => getComputedStyle(document.querySelector("#webchat")!).direction);
    assert.equal(dir, "rtl");
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    await page.getByText("Olen Reitti", { exact: false }).first().waitFor({ timeout: 15000 });
    await send("palkkatuki");
    await page.locator(".ac-adaptiveCard").last().waitFor({ timeout: 10000 });
    assert.deepEqual(await seriousAxeViolations(page), []);
  });
});
