import assert from "node:assert/strict";
import { startServer } from "./browser";

describe("the server's memory under 5,000 distinct questions", function () {
  this.timeout(300000);
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: "0" });
  });
  after(() => server.stop());

  const rss = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1]) / 2 ** 20;
  };

  it("grows by at most 60 MiB resident: no cache keeps what people asked", async () => {
    // Seeded, so the same 5,000 different questions every run.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = ["työ", "palkka", "tuki", "kokeilu", "haku", "Oulu", "Kempele", "yritys", "koulutus", "neuvonta", "job", "work", "apua", "nuori", "kieli", "asun"];
    const question = () => {
      let q = "";
      while (q.length < 60) q += `${words[Math.floor(rand() * words.length)]}${Math.floor(rand() * 1e6).toString(36)} `;
      return q;
    };
    const ask = () => fetch(`${server.url}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text: question() }) })
      .then((r) => { assert.equal(r.status, 200); return r.arrayBuffer(); });
    for (let i = 0; i < 50; i++) await ask();
    const before = await rss();
    for (let i = 0; i < 5000; i += 8) await Promise.all(Array.from({ length: 8 }, ask));
    const after = await rss();
    process.stdout.write(`      resident memory ${before.toFixed(0)} → ${after.toFixed(0)} MiB\n`);
    assert.ok(after - before <= 60, `grew ${(after - before).toFixed(0)} MiB`);
  });
});
