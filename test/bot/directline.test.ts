import assert from "node:assert/strict";
import { listenWired } from "./http";

describe("the Direct Line 3.0 endpoint Web Chat talks to", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenWired());
  });
  after(() => close());

  const start = async () => {
    const gen = await fetch(`${url}/v3/directline/tokens/generate`, { method: "POST" });
    assert.equal(gen.status, 200);
    const { token, conversationId, expires_in } = await gen.json();
    assert.ok(token && conversationId && expires_in > 0);
    const conv = await fetch(`${url}/v3/directline/conversations`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    assert.equal(conv.status, 201);
    assert.equal((await conv.json()).conversationId, conversationId);
    return { token, conversationId };
  };
  const post = (id: string, token: string, activity: unknown) => fetch(`${url}/v3/directline/conversations/${id}/activities`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(activity),
  });
  const poll = async (id: string, token: string, watermark?: string) => {
    const r = await fetch(`${url}/v3/directline/conversations/${id}/activities${watermark ? `?watermark=${watermark}` : ""}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    return r.json() as Promise<{ activities: Array<{ id: string; type: string; text?: string; from: { id: string }; channelData?: { clientActivityID?: string }; attachments?: unknown[] }>; watermark: string }>;
  };

  it("starts a conversation, answers a posted question on topic within a second, and polls by watermark", async () => {
    const { token, conversationId } = await start();
    const t0 = Date.now();
    const sent = await post(conversationId, token, { type: "message", text: "mistä haen palkkatukea", from: { id: "user-1" }, channelData: { clientActivityID: "c-1" } });
    assert.equal(sent.status, 200);
    const { id } = await sent.json();
    const first = await poll(conversationId, token);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    const echo = first.activities.find((a) => a.id === id);
    assert.equal(echo?.channelData?.clientActivityID, "c-1", "the user's own message comes back with its client id");
    const reply = first.activities.find((a) => a.from.id !== "user-1" && a.attachments?.length);
    assert.ok(reply, "an answer card");
    assert.match(JSON.stringify(reply.attachments), /Palkkatuki/);
    assert.match(JSON.stringify(reply.attachments), /BusinessAsema/);

    // Nothing new after the watermark until the next message.
    const again = await poll(conversationId, token, first.watermark);
    assert.equal(again.activities.length, 0);
    await post(conversationId, token, { type: "message", text: "help", from: { id: "user-1" } });
    const next = await poll(conversationId, token, first.watermark);
    // One English word does not switch a Finnish conversation: help comes in Finnish.
    assert.ok(next.activities.some((a) => /Kirjoita kysymyksesi omin sanoin/.test(a.text ?? "")));
    assert.ok(Number(next.watermark) > Number(first.watermark));
  });

  it("answers a service button as Web Chat posts it (messageBack): by the id in its value, not by its text", async () => {
    const { token, conversationId } = await start();
    // The text is what the button showed; the value decides. A label naming another service proves it.
    const sent = await post(conversationId, token, {
      type: "message", text: "Työkokeilu", value: { service: "pay-subsidy" }, from: { id: "u" }, channelData: { messageBack: { displayText: "Työkokeilu" } },
    });
    assert.equal(sent.status, 200);
    const { activities } = await poll(conversationId, token);
    const card = activities.find((a) => a.from.id !== "u" && a.attachments?.length);
    assert.ok(card, "an answer card");
    assert.match(JSON.stringify(card.attachments), /Palkkatuki/);
    assert.doesNotMatch(JSON.stringify(card.attachments), /Työkokeilu/);
  });

  it("isolates Latin names in every Arabic message, not only in cards", async () => {
    const { token, conversationId } = await start();
    await post(conversationId, token, { type: "message", text: "العربية", from: { id: "u" } });
    const first = await poll(conversationId, token);
    await post(conversationId, token, { type: "message", text: "مساعدة", from: { id: "u" } });
    const next = await poll(conversationId, token, first.watermark);
    const help = next.activities.find((a) => a.from.id !== "u" && /Liminka/.test(a.text ?? ""));
    assert.ok(help, "the Arabic help names Liminka");
    assert.match(help.text ?? "", /\u2068Liminka\u2069/);
  });

  it("answers an unknown conversation with 404", async () => {
    const { token } = await start();
    const r = await fetch(`${url}/v3/directline/conversations/nope/activities`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 404);
  });

  it("answers another conversation's token exactly as an unknown conversation, so ids cannot be probed", async () => {
    const a = await start();
    const b = await start();
    const wrong = await fetch(`${url}/v3/directline/conversations/${a.conversationId}/activities`, { headers: { authorization: `Bearer ${b.token}` } });
    const unknown = await fetch(`${url}/v3/directline/conversations/AAAAAAAAAAAAAAAA/activities`, { headers: { authorization: `Bearer ${b.token}` } });
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  it("keeps a conversation in progress through a flood of 5,100 new tokens", async () => {
    const { token, conversationId } = await start();
    assert.equal((await post(conversationId, token, { type: "message", text: "help", from: { id: "u" } })).status, 200);
    for (let i = 0; i < 5100; i += 50) {
      await Promise.all(Array.from({ length: 50 }, () => fetch(`${url}/v3/directline/tokens/generate`, { method: "POST" }).then((r) => r.arrayBuffer())));
    }
    const after = await poll(conversationId, token);
    // "help" is answered (in the conversation's Finnish) and still waits in the buffer.
    assert.ok(after.activities.some((a) => a.from.id !== "u" && a.type === "message" && (a.text ?? "").length > 0), "the conversation and its buffer survive");
  });

  it("refreshes a token", async () => {
    const { token } = await start();
    const r = await fetch(`${url}/v3/directline/tokens/refresh`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200);
    assert.ok((await r.json()).token);
  });

  it("rejects a malformed activity with 400 naming the field", async () => {
    const { token, conversationId } = await start();
    const r = await post(conversationId, token, { type: "message", text: "hei", from: { id: "u" }, attachments: [{ contentType: "image/png" }] });
    assert.equal(r.status, 400);
    assert.equal((await r.json()).error.field, "attachments");
    const huge = await post(conversationId, token, { type: "message", text: "x".repeat(9000), from: { id: "u" } });
    assert.equal(huge.status, 400);
    assert.equal((await huge.json()).error.field, "text");
  });

  it("answers a message over the 1000-character limit with the limit, in the conversation's language", async () => {
    const { token, conversationId } = await start();
    await post(conversationId, token, { type: "message", text: "mistä haen palkkatukea", from: { id: "u" } });
    const first = await poll(conversationId, token);
    const sent = await post(conversationId, token, { type: "message", text: "työ".repeat(1000), from: { id: "u" } });
    assert.equal(sent.status, 200, "not a send failure");
    const next = await poll(conversationId, token, first.watermark);
    const reply = next.activities.find((a) => a.from.id !== "u" && a.text);
    assert.match(reply?.text ?? "", /liian pitkä/);
    assert.match(reply?.text ?? "", /1000/);
    assert.match(reply?.text ?? "", /3000/);
  });

  it("serves the web chat page and the Web Chat bundle compressed", async () => {
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /webchat\.js/);
    const bundle = await fetch(`${url}/static/webchat.js`, { headers: { "accept-encoding": "gzip" } });
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get("content-encoding"), "gzip");
    const br = await fetch(`${url}/static/webchat.js`, { headers: { "accept-encoding": "br, gzip" } });
    assert.equal(br.headers.get("content-encoding"), "br");
    assert.ok(Number(br.headers.get("content-length")) < Number(bundle.headers.get("content-length")), "brotli is smaller than gzip");
    // The page names its assets by content, so a browser may keep them; the page itself is revalidated.
    const versioned = /\/static\/webchat\.js\?v=[\w-]+/.exec(await (await fetch(`${url}/`)).text());
    assert.ok(versioned, "the page links a versioned bundle");
    const cached = await fetch(url + versioned[0], { method: "HEAD" });
    assert.match(cached.headers.get("cache-control") ?? "", /immutable/);
    assert.equal(page.headers.get("cache-control"), "no-cache");
  });
});
