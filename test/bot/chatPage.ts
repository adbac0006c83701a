import type { Locator, Page } from "playwright-core";

/** What a person does on the chat page: wait for the greeting, type and send, read the last reply. */
export function chat(page: Page) {
  const box = (): Locator => page.locator("input[data-id='webchat-sendbox-input'], textarea[data-id='webchat-sendbox-input']").first();
  return {
    box,
    /** Web Chat itself is up (not only the early greeting) and shows the greeting. */
    ready: async (greeting = "Olen Reitti") => {
      await box().waitFor({ timeout: 30000 });
      await page.locator(".webchat__basic-transcript").getByText(greeting, { exact: false }).first().waitFor({ timeout: 30000 });
    },
    send: async (text: string) => {
      await box().fill(text);
      await box().press("Enter");
    },
    /** The transcript's visible text. */
    transcript: () => page.locator(".webchat__basic-transcript").innerText(),
    /** Labels of the buttons offered now (suggested actions). */
    buttons: () => page.locator(".webchat__suggested-actions button").allInnerTexts(),
    lastCard: () => page.locator(".ac-adaptiveCard").last(),
  };
}
