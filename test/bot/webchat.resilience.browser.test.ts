import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchChromium, startServer } from "./browser";
import { chat } from "./chatPage";

// A conversation that survives what happens to phones and servers: a lost poll, a restart.
describe("the web chat recovers (real server, real Chromium)", function () {
  this.timeout(120000);
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterEach(() => page.close());

  it("answers after a poll is lost on the way", async () => {
    await page.goto(server.url + "/");
    const c = chat(page);
    await c.ready();
    let aborted = 0;
    await page.route("**/v3/directline/conversations/*/activities*", async (route) => {
      if (route.request().method() === "GET" && aborted === 0) {
        aborted++;
        return route.abort("connectionreset");
      }
      return route.continue();
    });
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });
    assert.equal(aborted, 1, "one poll was really lost");
    assert.match(await c.lastCard().innerText(), /Palkkatuki/);
    assert.doesNotMatch(await c.transcript(), /Lähetys epäonnistui/);
  });

  it("refreshes its token before it expires and keeps answering", async () => {
    // The real token, with a lifetime of 8 s instead of 30 min, so the refresh comes within the test.
    await page.route("**/v3/directline/tokens/generate", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), expires_in: 8 } });
    });
    // Watched from the start: on a slow machine the refresh may come before Web Chat is ready.
    const refreshed = page.waitForResponse((r) => r.url().endsWith("/v3/directline/tokens/refresh"), { timeout: 60000 });
    await page.goto(server.url + "/");
    const c = chat(page);
    await c.ready();
    assert.equal((await refreshed).status(), 200);
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });
    assert.match(await c.lastCard().innerText(), /Palkkatuki/);
  });

  it("after a server restart says so in the chat and answers in a new conversation", async () => {
    await page.goto(server.url + "/");
    const c = chat(page);
    await c.ready();
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });

    const port = server.port;
    await server.stop();
    server = await startServer({}, port);

    await c.send("mitä on työkokeilu");
    await page.getByText("aloitin uuden keskustelun", { exact: false }).first().waitFor({ timeout: 30000 });
    await page.locator(".ac-adaptiveCard", { hasText: "Työkokeilu" }).first().or(page.getByText("Missä kunnassa asut?").first()).first().waitFor({ timeout: 20000 });
    const text = await c.transcript();
    assert.doesNotMatch(text, /Lähetys epäonnistui/);
    // The new conversation is a working one: the next question is answered too.
    await c.send("Kempele");
    await page.getByText("Kempeleen kunnan työllisyyspalvelut", { exact: false }).first().waitFor({ timeout: 20000 });
  });
});
