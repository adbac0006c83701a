import assert from "node:assert/strict";
import { listenWired } from "./http";

describe("POST /api/messages, the Bot Framework endpoint", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenWired());
  });
  after(() => close());

  it("answers an Emulator-style activity (no app id configured) with the replies in the body", async () => {
    const activity = {
      type: "message",
      id: "a1",
      text: "työkokeilu, asun Muhoksella",
      channelId: "emulator",
      serviceUrl: "http://127.0.0.1:1",
      deliveryMode: "expectReplies",
      from: { id: "user-1", name: "User" },
      recipient: { id: "bot", name: "Reitti" },
      conversation: { id: "conv-1" },
      locale: "fi-FI",
    };
    const r = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { activities: Array<{ attachments?: unknown[] }> };
    const text = JSON.stringify(body.activities);
    assert.match(text, /Työkokeilu/);
    assert.match(text, /Muhoksen kunnan työllisyyspalvelut/);
  });

  it("answers a message over the 1000-character limit with the limit, translated, not with an answer", async () => {
    const activity = {
      type: "message", id: "a2", text: "Asun Muhoksella ja etsin töitä. ".repeat(100), channelId: "emulator",
      serviceUrl: "http://127.0.0.1:1", deliveryMode: "expectReplies", from: { id: "user-2" },
      recipient: { id: "bot" }, conversation: { id: "conv-2" },
    };
    const r = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    assert.equal(r.status, 200);
    const text = JSON.stringify(((await r.json()) as { activities: unknown[] }).activities);
    // 3200 typed, 3199 after trimming the last space, as the ask contract counts.
    assert.match(text, /Viestisi on liian pitkä \(3199 merkkiä\)\. Voin lukea enintään 1000 merkkiä/);
    assert.doesNotMatch(text, /Muhoksen kunnan/);
  });
});

describe("POST /api/messages with a broken activity", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenWired());
  });
  after(() => close());
  const cases: Array<[string, string]> = [
    ["{}", "type"],
    ["[]", "body"],
    [JSON.stringify({ type: "message" }), "channelId"],
    [JSON.stringify({ type: "message", channelId: "emulator", serviceUrl: "http://x", conversation: {}, from: { id: "u" } }), "conversation.id"],
  ];
  for (const [body, field] of cases) {
    it(`answers ${body.slice(0, 50)} with 400 naming ${field}`, async () => {
      const r = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
      assert.equal(r.status, 400);
      assert.equal((await r.json()).error.field, field);
    });
  }
});
