import assert from "node:assert/strict";
import { listenWired } from "./http";

const ask = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ text: "työkokeilu" }) });

async function burst(n: number, send: () => Promise<Response>): Promise<Response[]> {
  const out: Response[] = [];
  for (let i = 0; i < n; i += 10) out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, send))));
  return out;
}

describe("rate limits per client", () => {
  describe("with RATE_LIMIT_PER_MINUTE=60", () => {
    let url: string;
    let close: () => Promise<void>;
    before(async () => {
      ({ url, close } = await listenWired({ RATE_LIMIT_PER_MINUTE: "60" }));
    });
    after(() => close());

    it("answers a burst of 80 questions past the 60th with 429 and the JSON error", async () => {
      const rs = await burst(80, () => ask(url));
      const limited = rs.filter((r) => r.status === 429);
      assert.equal(rs.filter((r) => r.status === 200).length, 60);
      assert.equal(limited.length, 20);
      const e = (await limited[0].json()).error;
      assert.equal(e.code, "too_many_requests");
      assert.equal(e.field, "rate");
      assert.ok(limited[0].headers.get("ratelimit"), "says when to try again");
    });

    it("limits Direct Line token generation and posting, and feedback", async () => {
      const tokens = await burst(70, () => fetch(`${url}/v3/directline/tokens/generate`, { method: "POST" }));
      assert.ok(tokens.some((r) => r.status === 429));
      const feedback = await burst(70, () => fetch(`${url}/api/feedback`));
      assert.ok(feedback.some((r) => r.status === 429));
    });

    it("does not believe X-Forwarded-For without TRUST_PROXY", async () => {
      const r = await ask(url, { "x-forwarded-for": "203.0.113.9" });
      assert.equal(r.status, 429);
    });
  });

  describe("with RATE_LIMIT_PER_MINUTE=60 and TRUST_PROXY=1", () => {
    let url: string;
    let close: () => Promise<void>;
    before(async () => {
      ({ url, close } = await listenWired({ RATE_LIMIT_PER_MINUTE: "60", TRUST_PROXY: "1" }));
    });
    after(() => close());

    it("gives each client behind the proxy its own budget", async () => {
      const a = await burst(70, () => ask(url, { "x-forwarded-for": "203.0.113.1" }));
      assert.ok(a.some((r) => r.status === 429));
      const b = await ask(url, { "x-forwarded-for": "203.0.113.2" });
      assert.equal(b.status, 200);
    });
  });

  describe("with RATE_LIMIT_PER_MINUTE=0", () => {
    let url: string;
    let close: () => Promise<void>;
    before(async () => {
      ({ url, close } = await listenWired({ RATE_LIMIT_PER_MINUTE: "0" }));
    });
    after(() => close());

    it("answers a burst of 200 questions without a single 429", async () => {
      const rs = await burst(200, () => ask(url));
      assert.deepEqual([...new Set(rs.map((r) => r.status))], [200]);
    });
  });
});
