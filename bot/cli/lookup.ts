// npm run lookup -- <words> [--municipality kempele] [--lang en] [--delivery local] [--client employer]
// The advisor's table in a terminal: who delivers, who refers, who decides, with whom the client stays.
import { createGuide } from "../../knowledge/guide";
import { listServices, parseServiceQuery, type CatalogueEntry } from "../../knowledge/catalogue";

const OPTIONS = ["municipality", "lang", "delivery", "client"] as const;

function parseArgs(argv: string[]): { words: string[]; options: Record<string, string> } {
  const words: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(\w+)(?:=(.*))?$/.exec(argv[i]);
    if (m && (OPTIONS as readonly string[]).includes(m[1])) {
      options[m[1]] = m[2] ?? argv[++i] ?? "";
    } else {
      words.push(argv[i]);
    }
  }
  return { words, options };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/)) {
    if (line && (line + " " + w).length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

function render(entries: CatalogueEntry[], label: (key: string) => string): string {
  const out: string[] = [];
  for (const e of entries) {
    out.push(`■ ${e.title}${e.title !== e.titleFi ? ` — ${e.titleFi}` : ""}  [${e.delivery.map((d) => label(`delivery.${d}`)).join(", ")}]`);
    const row = (key: string, value: string) => {
      if (!value) return;
      const [first, ...rest] = wrap(value, 80);
      out.push(`  ${label(key).padEnd(14)} ${first}`);
      for (const r of rest) out.push(`  ${"".padEnd(14)} ${r}`);
    };
    row("channel", e.channel.name + (e.needs.includes("municipality") ? ` (${label("needsMunicipality")})` : ""));
    row("refers", e.refers.join(", "));
    row("decides", e.decides.join(", "));
    row("staysWith", e.staysWith.join(", "));
    row("costLabel", e.cost ? label(`cost.${e.cost}`) : "");
    row("sections", e.sections.join(", "));
    row("note", e.changedSincePlan ?? "");
    out.push("");
  }
  return out.join("\n");
}

async function main(): Promise<void> {
  const { words, options } = parseArgs(process.argv.slice(2));
  const parsed = parseServiceQuery({ q: words.join(" ") || undefined, ...options });
  if (!parsed.ok) {
    process.stderr.write(parsed.error.message + "\n");
    process.exitCode = 2;
    return;
  }
  const guide = await createGuide();
  const lang = parsed.value.lang ?? "fi";
  const t = guide.t(lang);
  const entries = listServices(guide, { ...parsed.value, lang });
  if (entries.length === 0) {
    process.stdout.write(t("lookup:none") + "\n");
    return;
  }
  process.stdout.write(render(entries, (k) => t(`lookup:${k}`)));
}

main().catch((e: unknown) => {
  process.stderr.write(`lookup: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
