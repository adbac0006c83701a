import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { contactCoverage, coverageOf, isOldSource } from "../../knowledge/coverage";
import { loadKnowledge, type Channel } from "../../knowledge/load";
import { projectRoot } from "../../knowledge/paths";
import { ChannelFile } from "../../knowledge/schema";

const name = { fi: "Testi", sv: "Test", en: "Test" };
const channel = (contacts: unknown[], hours: unknown[] = []): Channel =>
  ChannelFile.parse({ id: "test", kind: "state", name, contacts, hours });

describe("contact coverage report (issue 8, finding 16)", () => {
  it("tells sourced, old, present and missing apart", () => {
    const c = channel([
      { type: "Phone", number: "0295 020 701", source: { url: "https://example.fi/a", date: "date not shown (2025)" } },
      { type: "ServiceLocation", address: "Hallituskatu 36, Oulu", source: { url: "https://example.fi/b", date: "21.03.2022" } },
      { type: "EChannel" },
    ]);
    assert.equal(coverageOf(c, "phone"), "sourced");
    assert.equal(coverageOf(c, "address"), "old");
    assert.equal(coverageOf(c, "e-channel"), "present");
    assert.equal(coverageOf(c, "hours"), "missing");
  });
  it("reads a source as old from its years or its pre-2024 mark", () => {
    assert.equal(isOldSource({ url: "https://x.fi", date: "2015" }), true);
    assert.equal(isOldSource({ url: "https://x.fi", date: "date not shown", note: "pre-2024 source" }), true);
    assert.equal(isOldSource({ url: "https://x.fi", date: "2025-12-01" }), false);
    assert.equal(isOldSource({ url: "https://x.fi", date: "date not shown" }), false);
  });
  it("covers every channel, and BusinessAsema's 2022 address shows as old", () => {
    const kb = loadKnowledge();
    const rows = contactCoverage(kb);
    assert.equal(rows.length, kb.channels.size);
    assert.equal(rows.find((r) => r.id === "businessasema")?.address, "old");
  });
  it("npm run validate prints the report, one row per channel", () => {
    const r = spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/validate.js")], { encoding: "utf8", timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /channel\s+phone\s+address\s+hours\s+e-channel/);
    assert.match(r.stdout, /^businessasema\s+missing\s+old ⚠ pre-2024/m);
    assert.match(r.stdout, /^unemployment-security-advice\s+sourced/m);
  });
});
