import assert from "node:assert/strict";
import { listenWired } from "./http";

describe("security headers", () => {
  describe("without a proxy", () => {
    let url: string;
    let close: () => Promise<void>;
    before(async () => {
      ({ url, close } = await listenWired());
    });
    after(() => close());

    const paths: Array<[string, RequestInit?]> = [
      ["/"], ["/advisor"], ["/static/chat.js"], ["/api/services"], ["/nope"], ["/healthz"], ["/metrics"],
      ["/api/ask", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }],
      ["/v3/directline/tokens/generate", { method: "POST" }],
    ];
    for (const [path, init] of paths) {
      it(`${init?.method ?? "GET"} ${path} carries CSP, nosniff, frame denial and referrer policy`, async () => {
        const r = await fetch(url + path, init);
        const csp = r.headers.get("content-security-policy") ?? "";
        assert.match(csp, /default-src 'self'/);
        assert.match(csp, /script-src 'self'(;|$)/, "no inline or eval scripts");
        assert.match(csp, /frame-ancestors 'none'/);
        assert.equal(r.headers.get("x-content-type-options"), "nosniff");
        assert.equal(r.headers.get("x-frame-options"), "DENY");
        assert.equal(r.headers.get("referrer-policy"), "no-referrer");
        assert.equal(r.headers.get("strict-transport-security"), null, "no HSTS on plain http");
        await r.arrayBuffer();
      });
    }

    it("allows inline styles on the web chat page only (Web Chat writes its styles at run time)", async () => {
      assert.match((await fetch(`${url}/`)).headers.get("content-security-policy") ?? "", /style-src 'self' 'unsafe-inline'/);
      assert.match((await fetch(`${url}/advisor`)).headers.get("content-security-policy") ?? "", /style-src 'self'(;|$)/);
    });

    it("ignores X-Forwarded-Proto when no proxy is trusted: no HSTS", async () => {
      const r = await fetch(`${url}/`, { headers: { "x-forwarded-proto": "https" } });
      assert.equal(r.headers.get("strict-transport-security"), null);
    });
  });

  describe("behind a proxy that terminates TLS (TRUST_PROXY=1)", () => {
    let url: string;
    let close: () => Promise<void>;
    before(async () => {
      ({ url, close } = await listenWired({ TRUST_PROXY: "1" }));
    });
    after(() => close());

    it("sends HSTS when the proxy says the request came over https", async () => {
      const r = await fetch(`${url}/`, { headers: { "x-forwarded-proto": "https" } });
      assert.match(r.headers.get("strict-transport-security") ?? "", /max-age=\d+/);
    });

    it("sends no HSTS for plain http through the proxy", async () => {
      const r = await fetch(`${url}/`, { headers: { "x-forwarded-proto": "http" } });
      assert.equal(r.headers.get("strict-transport-security"), null);
    });
  });
});
