import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { serverAndBrowser } from "./browser";
import { chat } from "./chatPage";

// The chat on a phone-sized screen (390×844), as residents use it.
describe("the web chat on a phone (real server, real Chromium)", function () {
  this.timeout(90000);
  const env = serverAndBrowser();
  let page: Page;
  beforeEach(async () => {
    page = await env.browser().newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(env.url() + "/");
  });
  afterEach(() => page.close());

  it("stops a 3,000-character message with a clear Finnish limit message and keeps the text", async () => {
    const c = chat(page);
    await c.ready();
    const long = `${"Haen töitä ja tarvitsen apua. ".repeat(100).trim()}!`;
    assert.equal(long.length, 3000);
    await c.send(long);
    const note = page.locator("#limit");
    await note.waitFor({ state: "visible", timeout: 10000 });
    assert.match(await note.innerText(), /liian pitkä: 3000 merkkiä\. Enintään 1000 merkkiä/);
    assert.equal((await c.box().inputValue()).length, 3000, "the text stays to be shortened");
    assert.doesNotMatch(await c.transcript(), /Haen töitä ja tarvitsen apua/, "nothing was sent");
    // Shortened, it goes.
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });
    assert.equal(await note.isVisible(), false);
  });

  it("scrolls a new long answer so that its title is in view, not its end", async () => {
    const c = chat(page);
    await c.ready();
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });
    await c.send("asun Kempeleessä ja tarvitsen työllistymissuunnitelman");
    await page.locator(".ac-adaptiveCard", { hasText: "Työllistymissuunnitelma" }).last().waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500); // the follow-up question arrives and scrolling settles
    const place = await page.evaluate(() => {
      const cards = document.querySelectorAll(".ac-adaptiveCard");
      const title = cards[cards.length - 1].querySelector(".ac-textBlock")!.getBoundingClientRect();
      const view = document.querySelector(".webchat__basic-transcript__scrollable")!.getBoundingClientRect();
      return { titleTop: title.top, titleBottom: title.bottom, viewTop: view.top, viewBottom: view.bottom };
    });
    assert.ok(place.titleTop >= place.viewTop - 1 && place.titleBottom <= place.viewBottom + 1, `title at ${JSON.stringify(place)}`);
  });

  it("shows the greeting, and that the chat is loading, before the Web Chat bundle has arrived", async () => {
    const early = await env.browser().newPage({ viewport: { width: 390, height: 844 } });
    try {
      let release = () => {};
      const held = new Promise<void>((resolve) => { release = resolve; });
      await early.route("**/static/webchat.js*", async (route) => {
        await held;
        await route.continue();
      });
      await early.goto(env.url() + "/", { waitUntil: "commit" });
      await early.locator(".prechat__bubble").getByText("Olen Reitti", { exact: false }).waitFor({ timeout: 20000 });
      assert.match(await early.locator(".prechat__loading").innerText(), /Keskustelu latautuu/);
      assert.equal(await early.evaluate(() => "WebChat" in window), false, "the bundle is still held back");
      release();
      await chat(early).ready();
      assert.equal(await early.locator(".prechat__bubble").count(), 0, "one greeting on the page once Web Chat shows it");
    } finally {
      await early.close();
    }
  });
});

