import assert from "node:assert/strict";
import { startServer } from "./browser";
import { startRedis } from "./redis";

type Activity = { id: string; type: string; text?: string; from: { id: string }; attachments?: unknown[]; suggestedActions?: unknown };

describe("two server processes on one Redis (STATE_STORE=redis://...)", function () {
  this.timeout(120000);
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const servers: Array<Awaited<ReturnType<typeof startServer>>> = [];
  const start = async () => {
    const s = await startServer({ STATE_STORE: redis.url, RATE_LIMIT_PER_MINUTE: "0" });
    servers.push(s);
    return s;
  };
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    for (const s of servers) await s.stop();
    await redis.stop();
  });

  it("continues a Direct Line conversation, with its remembered municipality, on the other instance and after a restart", async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const { token, conversationId } = await (await fetch(`${a.url}/v3/directline/tokens/generate`, { method: "POST" })).json();
    const auth = { authorization: `Bearer ${token}` };
    const post = (url: string, text: string) => fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ type: "message", text, from: { id: "user-1" } }),
    }).then((r) => { assert.equal(r.status, 200); return r.json(); });
    let watermark = "";
    const poll = async (url: string) => {
      const r = await fetch(`${url}/v3/directline/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ""}`, { headers: auth });
      assert.equal(r.status, 200);
      const body = (await r.json()) as { activities: Activity[]; watermark: string };
      watermark = body.watermark;
      return body.activities;
    };
    const botSaid = (activities: Activity[]) => JSON.stringify(activities.filter((x) => x.from.id !== "user-1"));

    // On A: a question whose channel depends on the municipality; the bot asks for it.
    await post(a.url, "haluaisin työkokeiluun");
    const asked = await poll(b.url);
    assert.ok(asked.some((x) => x.text === "haluaisin työkokeiluun"), "B sees what was said on A");
    assert.match(botSaid(asked), /Muhos/, "the municipality question, with its choices");

    // On B: the answer to A's question; the dialog continues there.
    await post(b.url, "Muhos");
    const answer = botSaid(await poll(a.url));
    assert.match(answer, /Muhoksen kunnan työllisyyspalvelut/);

    // A restart of A loses nothing: the next question on the new A uses the remembered municipality.
    await a.stop();
    const a2 = await start();
    await post(a2.url, "entä työkokeilu nuorille");
    const again = botSaid(await poll(b.url));
    assert.match(again, /Muhoksen kunnan työllisyyspalvelut/);
    assert.doesNotMatch(again, /Missä kunnassa|Valitse kunta/i, "not asked again");
  });
});
