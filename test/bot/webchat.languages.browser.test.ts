import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { serverAndBrowser, seriousAxeViolations } from "./browser";
import { chat } from "./chatPage";

// The chat in several languages on a phone: buttons that fit, right-to-left that reads, no English
// left over from Web Chat itself, and the dead ends closed.
describe("the web chat's languages and next steps (real server, real Chromium)", function () {
  this.timeout(90000);
  const env = serverAndBrowser();
  let page: Page;
  const open = async (width = 390, height = 844) => {
    page = await env.browser().newPage({ viewport: { width, height } });
    await page.goto(env.url() + "/");
    const c = chat(page);
    await c.ready();
    return c;
  };
  afterEach(() => page?.close());

  const tap = (label: string) => page.locator(".webchat__suggested-actions button", { hasText: label }).first().click();
  const waitText = (text: string) => page.locator(".webchat__basic-transcript").getByText(text, { exact: false }).last().waitFor({ timeout: 20000 });

  it("keeps the guided answer's feedback buttons and answers 'Ei' with next steps", async () => {
    const c = await open();
    await tap("Näytä vaihtoehdot");
    await waitText("Kuka olet?");
    await tap("Työnantaja");
    await waitText("Missä kunnassa yrityksesi toimii?");
    await tap("Tyrnävä");
    await waitText("Mitä tarvitset?");
    await tap("Palkkatuki");
    await waitText("Oliko tästä apua?");
    await page.waitForTimeout(1500); // anything that would follow the question has arrived by now
    assert.deepEqual(await c.buttons(), ["Kyllä", "Ei"]);
    assert.doesNotMatch((await c.transcript()).split("Oliko tästä apua?").at(-1) ?? "", /Hei! Olen Reitti/);
    await tap("Ei");
    await waitText("Mitä tehdään seuraavaksi?");
    assert.deepEqual(await c.buttons(), ["Kysyn toisin", "Lähellä olevat palvelut", "Puhu ihmiselle"]);
  });

  it("keeps a Finnish conversation Finnish after 'help'", async () => {
    const c = await open();
    await c.send("mistä haen palkkatukea");
    await c.lastCard().waitFor({ timeout: 20000 });
    await c.send("help");
    await waitText("Kirjoita kysymyksesi omin sanoin");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fi");
    assert.equal(await c.box().getAttribute("placeholder"), "Kirjoita kysymyksesi");
  });

  it("fits every guided button on a 390-pixel phone in Ukrainian, none cut short", async () => {
    const c = await open();
    await tap("Українська");
    await page.waitForFunction(() => document.documentElement.lang === "uk");
    await tap("Показати варіанти");
    await waitText("Хто ви?");
    const role = (await c.buttons())[0];
    await tap(role);
    await tap("Kempele");
    await waitText("Що вам потрібно?");
    const buttons = await page.locator(".webchat__suggested-actions button").evaluateAll((els) => els.map((b) => {
      const r = b.getBoundingClientRect();
      const clipped = [b, ...b.querySelectorAll("*")].some((e) => e.scrollWidth > e.clientWidth + 1);
      return { text: (b as HTMLElement).innerText, clipped, inside: r.left >= 0 && r.right <= window.innerWidth };
    }));
    assert.ok(buttons.length >= 6, `needs offered: ${buttons.length}`);
    for (const b of buttons) {
      assert.equal(b.clipped, false, `"${b.text}" is cut short`);
      assert.ok(b.inside, `"${b.text}" runs off the screen`);
      assert.doesNotMatch(b.text, /…/);
    }
  });

  it("lays Arabic out right to left with Latin names kept whole, and Web Chat speaks Arabic", async () => {
    const c = await open();
    await tap("العربية");
    await page.waitForFunction(() => document.documentElement.dir === "rtl");
    await c.send("كيف أحصل على دعم الأجور؟");
    await c.lastCard().waitFor({ timeout: 20000 });
    const card = await c.lastCard().innerText();
    assert.match(card, /\u2068BusinessAsema \(BusinessOulu\)\u2069/, "a Latin name inside Arabic is one isolated piece");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#webchat")!).direction), "rtl");
    assert.equal(await c.box().getAttribute("placeholder"), "اكتب سؤالك");
    assert.doesNotMatch(await page.locator("#webchat").innerText(), /قابل الروبوت/);
  });

  it("has Web Chat's own words in Persian, not English", async () => {
    const c = await open();
    await tap("فارسی");
    await page.waitForFunction(() => document.documentElement.lang === "fa");
    await page.waitForFunction(() => document.querySelector("[data-id='webchat-sendbox-input']")?.getAttribute("placeholder") === "سؤال‌تان را بنویسید");
    await c.send("یارانه دستمزد");
    await c.lastCard().waitFor({ timeout: 20000 });
    assert.doesNotMatch(await page.locator("#webchat").innerText(), /Type your message|Just now|Bot R said|Send failed/);
  });

  it("offers plain Finnish (selkosuomi) and then writes the page and the chat plainly", async () => {
    const c = await open();
    await tap("Selkosuomi");
    await waitText("Puhun nyt selkosuomea");
    await page.waitForFunction(() => document.querySelector("[data-id='webchat-sendbox-input']")?.getAttribute("placeholder") === "Kirjoita kysymys");
    assert.equal(await page.locator("#subtitle").innerText(), "Opas työpalveluihin Oulun seudulla");
    await tap("Näytä vaihtoehdot");
    await waitText("Kuka olet?");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fi");
    assert.ok((await c.buttons()).includes("Työnhakija"));
  });

  for (const [lang, button, question] of [["fi", "", "mistä haen palkkatukea"], ["ar", "العربية", "كيف أحصل على دعم الأجور؟"]] as const) {
    it(`has no serious or critical accessibility violations at 360 px in ${lang} (axe-core)`, async () => {
      const c = await open(360, 740);
      if (button) {
        await tap(button);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      }
      await c.send(question);
      await c.lastCard().waitFor({ timeout: 20000 });
      await page.waitForTimeout(500);
      assert.deepEqual(await seriousAxeViolations(page), []);
    });
  }
});
