import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContentError, loadKnowledge } from "../../knowledge/load";
import { contentDir } from "../../knowledge/paths";
import { checkLiite1 } from "../../knowledge/validate";
import { MUNICIPALITIES } from "../../knowledge/schema";

describe("the knowledge base", () => {
  const kb = loadKnowledge();

  it("holds at least 45 services of the plan, each citing a section", () => {
    assert.ok(kb.services.size >= 45, `${kb.services.size} services`);
    for (const s of kb.services.values()) assert.ok(s.sections.length > 0, s.id);
  });
  it("names every LIITE 1 service with the plan's delivery", () => {
    assert.deepEqual(checkLiite1(kb), []);
  });
  it("has a local channel for each of the eleven municipalities", () => {
    for (const m of MUNICIPALITIES) assert.equal(kb.municipalityChannels.get(m)?.kind, "municipality", m);
  });
  it("gives no phone number, address or deep link without its source", () => {
    for (const c of kb.channels.values()) {
      for (const contact of c.contacts) {
        const value = contact.type === "Phone" ? contact.number : contact.type === "ServiceLocation" ? contact.address
          : contact.type === "EChannel" ? contact.url : new URL(contact.url).pathname.replace(/\/$/, "") || undefined;
        if (value) assert.ok(contact.source, `${c.id}: ${value} has no source`);
      }
    }
  });
  it("keeps contact facts out of the service texts", () => {
    for (const s of kb.services.values()) {
      const text = JSON.stringify([s.summary, s.todo, s.title]);
      assert.doesNotMatch(text, /\b0\d{2,3}[ -]?\d{3}[ -]?\d{3,4}\b|https?:\/\/|@\w+\./, s.id);
    }
  });

  describe("a broken content file", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "reitti-content-"));
      cpSync(contentDir(), dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it("stops loading with a message naming the file and the field", () => {
      const file = join(dir, "services", "pay-subsidy.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^delivery:\n {2}- centralized/m, "delivery:\n  - centralised"));
      assert.throws(() => loadKnowledge(dir), (e: unknown) => {
        assert.ok(e instanceof ContentError);
        assert.match(e.message, /pay-subsidy\.yaml: field "delivery\.0"/);
        return true;
      });
    });
    it("refuses a phone number with no source", () => {
      const file = join(dir, "channels", "businessoulu-phone.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("  - type: Phone\n", "  - type: Phone\n    number: \"040 123 4567\"\n"));
      assert.throws(() => loadKnowledge(dir), /businessoulu-phone\.yaml: field "contacts\.0\.source"/);
    });
  });
});
