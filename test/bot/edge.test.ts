import assert from "node:assert/strict";
import { connect } from "node:net";
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, TEXT_MAX_CHARS, TRANSPORT_FACTOR } from "../../bot/config";
import { depthOf } from "../../bot/edge";
import { createServer, httpServer } from "../../bot/server";
import { sharedGuide } from "../fixtures";
import { listenWired, testConfig } from "./http";

/** Sends raw bytes and returns what the server answers before it closes the connection. */
function raw(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.on("data", (d: Buffer) => { answer += d.toString(); });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    socket.write(request);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1]);
const jsonOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as { error: { code: string; message: string; field?: string } };

describe("the edges of every endpoint", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenWired({ BOT_ALLOW_UNAUTHENTICATED: "1" }));
  });
  after(() => close());

  const json = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const error = async (r: Response) => {
    assert.match(r.headers.get("content-type") ?? "", /application\/json/);
    const body = (await r.json()) as { error: { code: string; message: string; field?: string } };
    assert.equal(typeof body.error.code, "string");
    assert.equal(typeof body.error.message, "string");
    return body.error;
  };
  const directLine = async () => {
    const { token, conversationId } = await (await fetch(`${url}/v3/directline/tokens/generate`, { method: "POST" })).json();
    return { token: token as string, path: `/v3/directline/conversations/${conversationId}/activities`, auth: { authorization: `Bearer ${token}` } };
  };
  const emulator = (extra: Record<string, unknown>) => JSON.stringify({
    type: "message", channelId: "emulator", serviceUrl: "http://127.0.0.1:1", deliveryMode: "expectReplies",
    from: { id: "u" }, recipient: { id: "b" }, conversation: { id: "c" }, ...extra,
  });

  it("does not parse a text/plain body as JSON: 415 naming content-type", async () => {
    const r = await fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ text: "työkokeilu" }) });
    assert.equal(r.status, 415);
    assert.equal((await error(r)).field, "content-type");
  });

  it("refuses a body declared larger than the limit before reading it: 413 JSON", async () => {
    const answer = await raw(url, "POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{\"text\":");
    assert.equal(statusOf(answer), 413);
    assert.equal(jsonOf(answer).error.code, "too_large");
  });

  it("answers Direct Line's oversized body with too_large, not bad_request", async () => {
    const d = await directLine();
    const r = await json(d.path, JSON.stringify({ type: "message", from: { id: "u" }, channelData: { x: "a".repeat(20000) } }), d.auth);
    assert.equal(r.status, 413);
    assert.equal((await error(r)).code, "too_large");
  });

  it("takes a 20 kB Bot Framework activity (the /api router's limit does not apply to it)", async () => {
    const r = await json("/api/messages", emulator({ text: "työkokeilu", channelData: { pad: "a".repeat(20000) } }));
    assert.equal(r.status, 200);
  });

  it(`holds every front end to one text limit of ${TEXT_MAX_CHARS} characters`, async () => {
    const long = "a".repeat(TEXT_MAX_CHARS + 1);
    const ask = await json("/api/ask", JSON.stringify({ text: long }));
    assert.equal(ask.status, 400);
    assert.equal((await error(ask)).field, "text");
    // Chat channels carry a somewhat longer message to the bot, which tells the limit in the
    // person's language (the conversation tests); far past it the transport refuses it.
    const huge = "a".repeat(TEXT_MAX_CHARS * TRANSPORT_FACTOR + 1);
    const d = await directLine();
    const dl = await json(d.path, JSON.stringify({ type: "message", text: huge, from: { id: "u" } }), d.auth);
    assert.equal(dl.status, 400);
    assert.equal((await error(dl)).field, "text");
    const bf = await json("/api/messages", emulator({ text: huge }));
    assert.equal(bf.status, 400);
    assert.equal((await error(bf)).field, "text");
  });

  for (const body of ["null", "[]", "42", "\"text\""]) {
    it(`names the body when it is ${body} instead of an object`, async () => {
      const d = await directLine();
      for (const [path, headers] of [["/api/ask", {}], ["/api/messages", {}], [d.path, d.auth]] as const) {
        const r = await json(path, body, headers);
        assert.equal(r.status, 400, path);
        const e = await error(r);
        assert.equal(e.field, "body", path);
        assert.doesNotMatch(e.message, /not valid JSON/);
      }
    });
  }

  it("refuses an activity nested 5,000 levels deep, and the conversation still polls", async () => {
    const d = await directLine();
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const r = await json(d.path, `{"type":"event","name":"x","from":{"id":"u"},"value":${deep}}`, d.auth);
    assert.equal(r.status, 400);
    assert.equal((await error(r)).code, "too_deep");
    const poll = await fetch(url + d.path, { headers: d.auth });
    assert.equal(poll.status, 200);
    const bf = await json("/api/messages", emulator({ value: 0 }).replace('"value":0', `"value":${deep}`));
    assert.equal(bf.status, 400);
  });

  for (const [method, path] of [["POST", "/api/services"], ["GET", "/api/messages"], ["DELETE", "/v3/directline/tokens/generate"], ["PUT", "/api/ask"], ["POST", "/healthz"]]) {
    it(`answers ${method} ${path} with 405 JSON and Allow`, async () => {
      const r = await fetch(url + path, { method });
      assert.equal(r.status, 405);
      assert.ok(r.headers.get("allow"));
      assert.equal((await error(r)).code, "method_not_allowed");
    });
  }

  it("answers Node's own 400 for a request that is not HTTP as JSON", async () => {
    const answer = await raw(url, "HELLO THERE\r\n\r\n");
    assert.equal(statusOf(answer), 400);
    assert.equal(jsonOf(answer).error.code, "bad_request");
  });

  it("answers Node's own 431 for oversized headers as JSON", async () => {
    const answer = await raw(url, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20000)}\r\n\r\n`);
    assert.equal(statusOf(answer), 431);
    assert.equal(jsonOf(answer).error.code, "headers_too_large");
  });

  it("gives the server limits for slow headers and slow bodies", async () => {
    const server = httpServer(createServer({ guide: await sharedGuide(), config: testConfig() }));
    assert.equal(server.headersTimeout, HEADERS_TIMEOUT_MS);
    assert.equal(server.requestTimeout, REQUEST_TIMEOUT_MS);
  });

  it("counts nesting without recursion", () => {
    assert.equal(depthOf({ a: [1, { b: null }] }, 10), 3);
    assert.ok(depthOf(JSON.parse("[".repeat(100000) + "]".repeat(100000)), 10) > 10);
  });
});
