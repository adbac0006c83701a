import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ContentError, loadKnowledge } from "../../knowledge/load";
import { contentDir, projectRoot } from "../../knowledge/paths";
import { REQUIRED_CHANNELS, REQUIRED_SERVICES } from "../../knowledge/required";

/** Every .ts file under a folder of the project, comments removed. */
function sources(dir: string): Array<{ file: string; code: string }> {
  const out: Array<{ file: string; code: string }> = [];
  for (const name of readdirSync(join(projectRoot(), dir))) {
    const rel = join(dir, name);
    if (statSync(join(projectRoot(), rel)).isDirectory()) out.push(...sources(rel));
    else if (name.endsWith(".ts")) {
      const code = readFileSync(join(projectRoot(), rel), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
      out.push({ file: rel, code });
    }
  }
  return out;
}

describe("content the code names by id (issue 8, finding 15)", () => {
  const kb = loadKnowledge();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "reitti-required-"));
    cpSync(contentDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("every channel or service id written in the code is in the required list", () => {
    const ids = new Set([...kb.channels.keys(), ...kb.services.keys()]);
    const required = new Set([...Object.keys(REQUIRED_CHANNELS), ...REQUIRED_SERVICES]);
    // schema.ts spells enum values (a kind "businessasema", an actor "kela"), not content ids.
    const files = ["knowledge", "bot", "dialogs"].flatMap(sources).filter((f) => !f.file.endsWith("schema.ts"));
    const named: string[] = [];
    for (const { file, code } of files) {
      for (const m of code.matchAll(/["'`]([a-z0-9]+(?:-[a-z0-9]+)*)["'`]/g)) {
        if (ids.has(m[1]) && !required.has(m[1])) named.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(named, [], "ids named in code but not in knowledge/required.ts");
  });

  it("loading stops, naming the file, when the other-employment-area channel is deleted", () => {
    rmSync(join(dir, "channels", "other-employment-area.yaml"));
    assert.throws(() => loadKnowledge(dir), (e: unknown) => {
      assert.ok(e instanceof ContentError);
      assert.match(e.message, /channels\/other-employment-area\.yaml: missing/);
      return true;
    });
  });

  it("loading stops when the employment-advice service is deleted, and when a required channel changes kind", () => {
    rmSync(join(dir, "services", "employment-advice.yaml"));
    const ih = join(dir, "channels", "international-house-oulu.yaml");
    writeFileSync(ih, readFileSync(ih, "utf8").replace(/^kind: international-house$/m, "kind: state"));
    assert.throws(() => loadKnowledge(dir), (e: unknown) => {
      assert.ok(e instanceof ContentError);
      assert.match(e.message, /services\/employment-advice\.yaml: missing/);
      assert.match(e.message, /channels\/international-house-oulu\.yaml: field "kind"/);
      return true;
    });
  });

  it("npm run validate fails and names the missing file", () => {
    rmSync(join(dir, "channels", "tyomarkkinatori.yaml"));
    const r = spawnSync(process.execPath, [join(projectRoot(), "dist/bot/cli/validate.js")], {
      encoding: "utf8", timeout: 60000, env: { ...process.env, REITTI_CONTENT_DIR: dir },
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /channels\/tyomarkkinatori\.yaml: missing/);
  });
});
