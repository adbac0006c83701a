// npm run import-ptv -- FILE.json [--channel ID] [--date YYYY-MM-DD]
// Writes the contacts of a Suomi.fi PTV service-channel export (REST v11 shape) into the
// matching channel file, each value with the PTV address and date as its source. The channel is
// the one named by --channel, or the one whose ptvId matches the export.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { contentDir } from "../../knowledge/paths";
import { fromPtv, mergeContacts, parsePtvExport } from "../../knowledge/ptv";
import { ChannelFile } from "../../knowledge/schema";

function fail(message: string, code = 1): never {
  process.stderr.write(message.endsWith("\n") ? message : message + "\n");
  process.exit(code);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith("--")) fail(`import-ptv: ${name} needs a value`, 2);
  args.splice(i, 2);
  return value;
};
const channelOption = option("--channel");
const today = option("--date") ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`import-ptv: --date must be YYYY-MM-DD, not "${today}"`, 2);
const file = args[0];
if (!file || args.length > 1) fail("usage: npm run import-ptv -- FILE.json [--channel ID] [--date YYYY-MM-DD]", 2);

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
  fail(`${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON: ${(e as Error).message}`}`);
}
const parsed = parsePtvExport(raw);
if (!parsed.ok) fail(`${file} is not a PTV service-channel export:\n` + parsed.problems.map((p) => `  - ${file}: ${p}\n`).join(""));
if (channelOption && parsed.channels.length > 1) fail(`import-ptv: --channel names one channel, but ${file} holds ${parsed.channels.length}`, 2);

const channelsDir = join(contentDir(), "channels");
const byPtvId = new Map<string, string>();
for (const f of readdirSync(channelsDir).filter((n) => n.endsWith(".yaml"))) {
  const c = ChannelFile.safeParse(YAML.parse(readFileSync(join(channelsDir, f), "utf8")));
  if (c.success && c.data.ptvId) byPtvId.set(c.data.ptvId, c.data.id);
}

for (const ptv of parsed.channels) {
  const id = channelOption ?? byPtvId.get(ptv.id);
  if (!id) fail(`import-ptv: no channel has ptvId ${ptv.id}; name it with --channel ID`);
  const path = join(channelsDir, `${id}.yaml`);
  if (!existsSync(path)) fail(`import-ptv: no channel file knowledge/content/channels/${id}.yaml`);
  const doc = YAML.parseDocument(readFileSync(path, "utf8"));
  const current = ChannelFile.safeParse(doc.toJS());
  if (!current.success) fail(`knowledge/content/channels/${id}.yaml: fix this file first (npm run validate)`);
  const imported = fromPtv(ptv, today);
  const merged = ChannelFile.safeParse(mergeContacts(current.data, imported));
  if (!merged.success) {
    const issue = merged.error.issues[0];
    fail(`import-ptv: the result for ${id} would not be valid: field "${issue.path.join(".")}": ${issue.message}`);
  }
  doc.set("ptvId", merged.data.ptvId);
  doc.set("contacts", doc.createNode(merged.data.contacts));
  if (imported.hours.length > 0) doc.set("hours", doc.createNode(merged.data.hours));
  writeFileSync(path, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  const count = (type: string) => imported.contacts.filter((c) => c.type === type).length;
  process.stdout.write(
    `${id}: from PTV ${ptv.id}: ${count("Phone")} phone, ${count("ServiceLocation")} address, ${count("EChannel")} e-channel, ` +
    `${count("WebPage")} web page, ${imported.hours.length} opening hours (source date ${imported.contacts[0]?.source?.date ?? today})\n`,
  );
}
