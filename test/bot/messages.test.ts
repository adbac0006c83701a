import assert from "node:assert/strict";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { isLoopbackUrl } from "../../bot/botEndpoint";
import { listenWired } from "./http";

const activity = (serviceUrl: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  id: "a1",
  text: "työkokeilu, asun Muhoksella",
  channelId: "emulator",
  serviceUrl,
  from: { id: "user-1", name: "User" },
  recipient: { id: "bot", name: "Reitti" },
  conversation: { id: "conv-1" },
  locale: "fi-FI",
  ...extra,
});

/** A loopback HTTP listener that records every request it gets, as a channel's serviceUrl would. */
async function recorder(): Promise<{ port: number; received: Array<{ url: string; body: string }>; close: () => Promise<void> }> {
  const received: Array<{ url: string; body: string }> = [];
  const server: Server = createHttpServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (d: Buffer) => { body += d.toString(); });
    req.on("end", () => {
      received.push({ url: req.url ?? "", body });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: "r1" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

const send = (url: string, body: unknown) =>
  fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("POST /api/messages without credentials", () => {
  let url: string;
  let close: () => Promise<void>;
  let target: Awaited<ReturnType<typeof recorder>>;
  before(async () => {
    ({ url, close } = await listenWired({}));
    target = await recorder();
  });
  after(async () => {
    await close();
    await target.close();
  });

  it("refuses with 401 JSON and sends nothing to the activity's serviceUrl", async () => {
    const r = await send(url, activity(`http://127.0.0.1:${target.port}/internal`));
    assert.equal(r.status, 401);
    assert.match(r.headers.get("content-type") ?? "", /json/);
    const e = (await r.json()).error;
    assert.equal(e.code, "unauthorized");
    assert.equal(e.field, "authorization");
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(target.received, []);
  });
});

describe("POST /api/messages with BOT_ALLOW_UNAUTHENTICATED=1 (the Emulator on a developer's machine)", () => {
  let url: string;
  let close: () => Promise<void>;
  let target: Awaited<ReturnType<typeof recorder>>;
  before(async () => {
    ({ url, close } = await listenWired({ BOT_ALLOW_UNAUTHENTICATED: "1" }));
    target = await recorder();
  });
  after(async () => {
    await close();
    await target.close();
  });
  beforeEach(() => {
    target.received.length = 0;
  });

  it("answers in the response body with expectReplies, sending nothing to the serviceUrl", async () => {
    const r = await send(url, activity(`http://127.0.0.1:${target.port}/x`, { deliveryMode: "expectReplies" }));
    assert.equal(r.status, 200);
    const text = JSON.stringify(((await r.json()) as { activities: unknown[] }).activities);
    assert.match(text, /Työkokeilu/);
    assert.match(text, /Muhoksen kunnan työllisyyspalvelut/);
    assert.deepEqual(target.received, []);
  });

  it("sends replies to a serviceUrl on this machine, as the Emulator expects", async () => {
    const r = await send(url, activity(`http://127.0.0.1:${target.port}`));
    assert.ok(r.status < 300, String(r.status));
    assert.ok(target.received.some((q) => /Työkokeilu/.test(q.body)), "the reply reached the loopback listener");
  });

  for (const host of ["0.0.0.0", "[::ffff:127.0.0.1]", "10.0.0.1", "169.254.169.254", "example.org"]) {
    it(`refuses a serviceUrl on ${host} with 403 naming serviceUrl, sending nothing`, async () => {
      const port = host.includes("127") || host === "0.0.0.0" ? target.port : 80;
      const r = await send(url, activity(`http://${host}:${port}/internal`));
      assert.equal(r.status, 403);
      assert.equal((await r.json()).error.field, "serviceUrl");
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(target.received, []);
    });
  }

  it("recognises loopback addresses only", () => {
    for (const u of ["http://127.0.0.1:1", "http://127.1.2.3/", "http://localhost:3978", "http://[::1]:80", "http://2130706433/"]) assert.ok(isLoopbackUrl(u), u);
    for (const u of ["http://0.0.0.0", "http://127.0.0.1.example.org", "http://localhost.example.org", "file:///etc/passwd", "http://127.0.0.1@example.org/", "not a url"]) assert.ok(!isLoopbackUrl(u), u);
  });
});

describe("POST /api/messages to a channel that never answers", () => {
  let url: string;
  let close: () => Promise<void>;
  let silent: ReturnType<typeof createTcpServer>;
  const sockets: Socket[] = [];
  before(async () => {
    ({ url, close } = await listenWired({ BOT_ALLOW_UNAUTHENTICATED: "1", BOT_OUTBOUND_TIMEOUT_MS: "300" }));
    silent = createTcpServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent.close(r));
    await close();
  });

  it("gives up on the outbound call at its timeout and still answers the caller", async () => {
    const r = await send(url, activity(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`));
    assert.ok(sockets.length > 0, "the server did try the loopback channel");
    assert.ok(r.status < 600);
    await r.arrayBuffer();
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
    ({ url, close } = await listenWired({ BOT_ALLOW_UNAUTHENTICATED: "1" }));
  });
  after(() => close());
  const cases: Array<[string, string]> = [
    ["{}", "type"],
    ["[]", "body"],
    [JSON.stringify({ type: "message" }), "channelId"],
    [JSON.stringify({ type: "invoke", channelId: "emulator", serviceUrl: "http://x", conversation: { id: "c" }, from: { id: "u" } }), "type"],
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
