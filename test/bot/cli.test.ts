import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "../../knowledge/paths";

describe("npm run ask -- --jsonl", () => {
  const run = (input: string) =>
    spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/ask.js"), "--jsonl"], { input, encoding: "utf8", timeout: 30000 });

  it("answers one line per request, in order, and an error line for a bad one", () => {
    const r = run([
      JSON.stringify({ text: "työkokeilu", municipality: "kempele" }),
      "not json",
      JSON.stringify({ text: "merityönvälitys" }),
      JSON.stringify({ lang: "fi" }),
    ].join("\n") + "\n");
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.equal(lines[0].channel.kind, "municipality");
    assert.match(lines[0].channel.name, /Kempele/);
    assert.equal(lines[1].error.code, "invalid_json");
    assert.equal(lines[2].channel.kind, "other-area");
    assert.equal(lines[3].error.field, "text");
  });
});
