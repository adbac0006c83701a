import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../knowledge/paths";
import { CHANNEL_KINDS, DELIVERIES } from "../../knowledge/schema";
import { listenApi } from "./http";

interface Entry { id: string; title: string; delivery: string[]; client: string; sections: string[]; channel: { kind: string; id: string; name: string } }

describe("GET /api/services, the catalogue", () => {
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    ({ url, close } = await listenApi());
  });
  after(() => close());
  const get = async (query: string): Promise<Entry[]> => {
    const r = await fetch(`${url}/api/services${query}`);
    assert.equal(r.status, 200, query);
    return (await r.json()).services;
  };

  it("lists every service (at least 45) with valid delivery values, sections and a channel", async () => {
    const all = await get("");
    assert.ok(all.length >= 45, `${all.length}`);
    for (const s of all) {
      assert.ok(s.delivery.length > 0 && s.delivery.every((d) => (DELIVERIES as readonly string[]).includes(d)), s.id);
      assert.ok(s.sections.length > 0, s.id);
      assert.ok((CHANNEL_KINDS as readonly string[]).includes(s.channel.kind), s.id);
    }
  });
  it("ranks the pay subsidy first for 'palkkatuki', centralised", async () => {
    const [first] = await get("?q=palkkatuki");
    assert.equal(first.id, "pay-subsidy");
    assert.deepEqual(first.delivery, ["centralized"]);
    assert.equal(first.channel.kind, "businessasema");
  });
  it("routes 'työkokeilu' for Kempele to Kempele's local services", async () => {
    const [first] = await get("?q=ty%C3%B6kokeilu&municipality=kempele");
    assert.equal(first.id, "work-trial");
    assert.equal(first.channel.id, "municipality-kempele");
  });
  it("sends 'merityönvälitys' to another area", async () => {
    const [first] = await get("?q=merity%C3%B6nv%C3%A4litys");
    assert.equal(first.id, "maritime-job-placement");
    assert.equal(first.channel.kind, "other-area");
  });
  it("never returns a service that does not match its filters", async () => {
    for (const d of DELIVERIES) {
      for (const s of await get(`?delivery=${d}`)) assert.ok(s.delivery.includes(d), `${s.id} for delivery=${d}`);
    }
    for (const c of ["jobseeker", "employer", "immigrant"]) {
      for (const s of await get(`?client=${c}&q=neuvonta`)) assert.ok(s.client === c || s.client === "any", `${s.id} for client=${c}`);
    }
  });
  it("gives titles in the asked language", async () => {
    const [first] = await get("?q=pay%20subsidy&lang=en");
    assert.equal(first.title, "Pay subsidy");
  });
  it("rejects an unknown filter value with 400 naming it", async () => {
    const r = await fetch(`${url}/api/services?delivery=somewhere`);
    assert.equal(r.status, 400);
    assert.equal((await r.json()).error.field, "delivery");
  });
});

describe("npm run lookup", () => {
  it("prints who delivers, refers and decides, for a municipality", () => {
    const r = spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/lookup.js"), "työkokeilu", "--municipality", "kempele"], { encoding: "utf8", timeout: 30000 });
    assert.equal(r.status, 0, r.stderr);
    const first = r.stdout.split("\n\n")[0];
    assert.match(first, /Työkokeilu/);
    assert.match(first, /Kempeleen kunnan työllisyyspalvelut/);
    assert.match(first, /Ohjaa\s+kunnan omavalmentaja/);
    assert.match(first, /2\.2\.1/);
  });
  it("answers in English when asked", () => {
    const r = spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/lookup.js"), "palkkatuki", "--lang", "en"], { encoding: "utf8", timeout: 30000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout.split("\n\n")[0], /Pay subsidy.*centralised/);
  });
  it("names a bad option value", () => {
    const r = spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/lookup.js"), "x", "--municipality", "tampere"], { encoding: "utf8", timeout: 30000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /municipality/);
  });
});
