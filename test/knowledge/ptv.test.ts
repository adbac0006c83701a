import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { coverageOf } from "../../knowledge/coverage";
import { loadKnowledge } from "../../knowledge/load";
import { contentDir, projectRoot } from "../../knowledge/paths";
import { fromPtv, parsePtvExport, PTV_CHANNEL_URL } from "../../knowledge/ptv";

const fixture = (name: string) => join(projectRoot(), "test", "data", "ptv", name);
const read = (name: string): unknown => JSON.parse(readFileSync(fixture(name), "utf8"));

describe("Suomi.fi PTV import (issue 8, finding 16)", () => {
  describe("reading an export", () => {
    it("turns a service location into sourced contacts, one per value", () => {
      const parsed = parsePtvExport(read("service-location.json"));
      assert.ok(parsed.ok);
      const r = fromPtv(parsed.channels[0], "2026-11-30");
      const source = { url: PTV_CHANNEL_URL + "0b6c3f2e-5d4a-4c1b-9e8f-1a2b3c4d5e6f", date: "2025-10-14", note: "Suomi.fi PTV, imported 2026-11-30" };
      assert.deepEqual(r.contacts, [
        { type: "Phone", number: "+358 401234567", charge: "chargeable", source },
        { type: "Phone", number: "0800 123 456", charge: "free", source },
        { type: "ServiceLocation", address: "Esimerkkikatu 1, 90100 OULU", source },
        { type: "WebPage", url: "https://www.example.fi/tyollisyyspalvelut", source },
        { type: "WebPage", url: "https://www.example.fi/en/employment", source },
      ]);
    });
    it("writes regular opening hours in every language, leaves out the dated exceptions", () => {
      const parsed = parsePtvExport(read("service-location.json"));
      assert.ok(parsed.ok);
      const { hours } = fromPtv(parsed.channels[0], "2026-11-30");
      assert.equal(hours.length, 1);
      assert.equal(hours[0].text.fi, "ma–to 8.00–16.00, pe 8.00–14.00 (ilman ajanvarausta)");
      assert.equal(hours[0].text.en, "Mon–Thu 08:00–16:00, Fri 08:00–14:00 (no appointment needed)");
      assert.ok(hours[0].text.ar && hours[0].text.zh && hours[0].text.so);
    });
    it("takes a PTV list page and makes an e-channel's pages e-channel contacts", () => {
      const parsed = parsePtvExport(read("echannel-list.json"));
      assert.ok(parsed.ok);
      const r = fromPtv(parsed.channels[0], "2026-11-30");
      assert.deepEqual(r.contacts.map((c) => c.type), ["EChannel"]);
      assert.equal(r.contacts[0].source?.date, "2025-06-02");
    });
    it("names the fields of a broken export", () => {
      const parsed = parsePtvExport(read("invalid.json"));
      assert.ok(!parsed.ok);
      const text = parsed.problems.join("\n");
      assert.match(text, /field "id"/);
      assert.match(text, /field "serviceChannelNames"/);
      assert.match(text, /field "phoneNumbers\.0\.serviceChargeType"/);
    });
  });

  describe("npm run import-ptv -- FILE.json", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "reitti-ptv-"));
      cpSync(contentDir(), dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/import-ptv.js"), ...args], {
      encoding: "utf8", timeout: 60000, env: { ...process.env, REITTI_CONTENT_DIR: dir },
    });

    it("writes the channel's contacts with the PTV source; the content still loads and the gap closes", () => {
      const before = loadKnowledge(dir).channels.get("municipality-kempele")!;
      assert.equal(coverageOf(before, "phone"), "missing");
      const r = run(fixture("service-location.json"), "--channel", "municipality-kempele", "--date", "2026-11-30");
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /municipality-kempele: from PTV 0b6c3f2e-.*2 phone, 1 address/);
      const after = loadKnowledge(dir).channels.get("municipality-kempele")!;
      assert.equal(after.ptvId, "0b6c3f2e-5d4a-4c1b-9e8f-1a2b3c4d5e6f");
      assert.equal(coverageOf(after, "phone"), "sourced");
      assert.equal(coverageOf(after, "address"), "sourced");
      assert.equal(coverageOf(after, "hours"), "sourced");
      assert.deepEqual(after.name, before.name, "names and texts are kept");
      const yaml = readFileSync(join(dir, "channels", "municipality-kempele.yaml"), "utf8");
      assert.match(yaml, /^# Kempele: local employment services/m, "comments are kept");
      assert.match(yaml, /url: https:\/\/api\.palvelutietovaranto\.suomi\.fi\/api\/v11\/ServiceChannel\/0b6c3f2e/);
    });
    it("finds the channel by its ptvId the next time", () => {
      assert.equal(run(fixture("service-location.json"), "--channel", "municipality-kempele").status, 0);
      const r = run(fixture("service-location.json"));
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^municipality-kempele:/);
    });
    it("refuses a broken export with the field named, and changes nothing", () => {
      const file = join(dir, "channels", "municipality-kempele.yaml");
      const was = readFileSync(file, "utf8");
      const r = run(fixture("invalid.json"), "--channel", "municipality-kempele");
      assert.equal(r.status, 1);
      assert.match(r.stderr, /field "phoneNumbers\.0\.serviceChargeType"/);
      assert.equal(readFileSync(file, "utf8"), was);
    });
    it("asks for --channel when no channel has the export's id, and says so for bad JSON", () => {
      const r = run(fixture("echannel-list.json"));
      assert.equal(r.status, 1);
      assert.match(r.stderr, /no channel has ptvId 5e4d3c2b-.*--channel/);
      const bad = join(dir, "bad.json");
      writeFileSync(bad, "{ not json");
      assert.match(run(bad, "--channel", "migri").stderr, /not valid JSON/);
    });
  });
});
