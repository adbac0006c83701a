import assert from "node:assert/strict";
import { listenWired } from "./http";

/** The value of one series in Prometheus text format, 0 when absent. */
function value(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /metrics and feedback", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenWired());
  });
  after(() => close());

  const metrics = async () => {
    const r = await fetch(`${url}/metrics`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get("content-type") ?? "", /text\/plain/);
    return r.text();
  };
  const ask = (body: unknown) => fetch(`${url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

  it("counts answers by service, channel kind, language and municipality, with no text", async () => {
    await ask({ text: "Missä voin hakea palkkatukea?", municipality: "kempele" });
    const m = await metrics();
    assert.ok(value(m, 'reitti_answers_by_service_total{service="pay-subsidy"}') >= 1);
    assert.ok(value(m, 'reitti_answers_by_channel_kind_total{kind="businessasema"}') >= 1);
    assert.ok(value(m, 'reitti_answers_by_language_total{lang="fi"}') >= 1);
    assert.ok(value(m, 'reitti_answers_by_municipality_total{municipality="kempele"}') >= 1);
    assert.ok(value(m, 'reitti_answers_total{surface="api"}') >= 1);
    assert.doesNotMatch(m, /palkkatukea/);
  });

  it("counts requests and their latency per route pattern, not per path", async () => {
    await fetch(`${url}/api/services/040-1234567/guidance`);
    const m = await metrics();
    assert.ok(value(m, 'reitti_http_requests_total{route="/api/services/:id/guidance",method="GET",status="404"}') >= 1);
    assert.match(m, /reitti_http_request_duration_seconds_bucket\{le="0\.1",route="\/api\/ask",method="POST"\}/);
    assert.doesNotMatch(m, /1234567/);
  });

  it("counts out-of-scope answers as fallbacks", async () => {
    const before = value(await metrics(), 'reitti_answers_fallback_total{reason="out_of_scope"}');
    const r = await ask({ text: "what is the weather like on the moon tomorrow" });
    assert.equal(r.outOfScope, true);
    assert.equal(value(await metrics(), 'reitti_answers_fallback_total{reason="out_of_scope"}'), before + 1);
  });

  it("takes one feedback vote per answer", async () => {
    const { token, conversationId } = await (await fetch(`${url}/v3/directline/tokens/generate`, { method: "POST" })).json();
    const post = (activity: unknown) => fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(activity),
    });
    const counts = async () => (await (await fetch(`${url}/api/feedback`)).json()) as { yes: number; no: number };
    const vote = (feedback: string) => post({ type: "message", value: { feedback }, from: { id: "u" } });

    const start = await counts();
    await vote("no");
    assert.deepEqual(await counts(), start, "no answer yet, no vote");
    await post({ type: "message", text: "mistä haen palkkatukea", from: { id: "u" } });
    for (let i = 0; i < 5; i++) await vote("no");
    await vote("yes");
    assert.deepEqual(await counts(), { yes: start.yes, no: start.no + 1 });
    await post({ type: "message", text: "palkkatuki yritykselle", from: { id: "u" } });
    await vote("yes");
    assert.deepEqual(await counts(), { yes: start.yes + 1, no: start.no + 1 });
    const m = await metrics();
    assert.equal(value(m, 'reitti_feedback_total{vote="no"}'), start.no + 1);
    assert.ok(value(m, 'reitti_answers_total{surface="bot"}') >= 2);
  });
});
