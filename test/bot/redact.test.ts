import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { logTo } from "../../bot/log";
import { REDACT_MAX_CHARS, redact, redactPath } from "../../bot/redact";
import { listenApi } from "./http";

describe("redaction before anything is logged", () => {
  it("hides identity codes, phone numbers and e-mail addresses", () => {
    const out = redact("hetu 131052-308T, puh 040 123 4567 tai +358 40 1234567, maili matti.m@example.fi");
    assert.doesNotMatch(out, /131052|308T|040 123|1234567|matti/);
    assert.match(out, /\[identity code\].*\[phone\].*\[phone\].*\[e-mail\]/);
  });

  it("hides phone numbers written with dots, slashes or brackets", () => {
    for (const text of ["soita 040.123.4567", "puh. (08) 558 41234", "040/1234567 kiitos"]) {
      const out = redact(text);
      assert.doesNotMatch(out, /4567|41234/, out);
      assert.match(out, /\[phone\]/);
    }
  });

  it("hides a long run of digits glued to a letter, and cuts the text to its cap", () => {
    const out = redact("/" + "1".repeat(15000) + "x");
    assert.doesNotMatch(out, /1111111/);
    assert.ok(out.length <= REDACT_MAX_CHARS + 1, `${out.length} characters`);
  });

  it("returns at most its cap for any input, so a log line stays small", () => {
    const out = redact("työ ".repeat(25000));
    assert.ok(out.length <= REDACT_MAX_CHARS + 1, `${out.length} characters`);
    assert.ok(out.endsWith("…"));
  });

  it("hides a number that straddles the cap", () => {
    const out = redact("a".repeat(REDACT_MAX_CHARS - 4) + " 040 123 4567");
    assert.doesNotMatch(out, /040 1/);
  });

  it("decodes percent-escapes in a path before redacting it", () => {
    assert.match(redactPath("/api/matti%40example.fi"), /\[e-mail\]/);
    assert.doesNotMatch(redactPath("/x/%30%34%30%20123%204567"), /4567/);
    // One malformed escape does not keep the others hidden.
    assert.doesNotMatch(redactPath("/%E0%A4%A/040%2E123%2E4567"), /4567/);
  });

  it("drops bidirectional overrides", () => {
    assert.equal(redact("a\u202eb\u2066c"), "abc");
  });
});

describe("the request log", () => {
  let url: string;
  let close: () => Promise<void>;
  let lines: string[] = [];
  let restore: () => void;
  before(async () => {
    restore = logTo(new Writable({ write(chunk: Buffer, _enc, done) { lines.push(chunk.toString()); done(); } }), "debug");
    ({ url, close } = await listenApi());
  });
  after(async () => {
    restore();
    await close();
  });
  beforeEach(() => {
    lines = [];
  });

  const logged = async () => {
    // The log line is written when the response finishes; give the event loop a turn.
    await new Promise((r) => setImmediate(r));
    return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it("logs the route pattern, not the path a person typed", async () => {
    await fetch(`${url}/api/services/040-1234567/guidance`);
    const http = (await logged()).find((l) => l.event === "http");
    assert.equal(http?.route, "/api/services/:id/guidance");
    assert.doesNotMatch(lines.join("\n"), /1234567/);
  });

  it("logs an unknown path as unmatched, and its redacted form only at debug level", async () => {
    await fetch(`${url}/${"1".repeat(15000)}x/matti%40example.fi`);
    const all = await logged();
    assert.equal(all.find((l) => l.event === "http")?.route, "(unmatched)");
    const path = String(all.find((l) => l.event === "http-path")?.path);
    assert.match(path, /\[phone\]/);
    assert.doesNotMatch(lines.join("\n"), /1111111|matti/);
  });
});
