import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import { loadKnowledge, type Knowledge } from "./load";
import { contentDir, localesDir } from "./paths";
import { Delivery, LANGS } from "./schema";

const Items = z.array(z.string().min(1));
/** LIITE 1's four columns; the fourth (support) is the lead municipality's internal support, an item or a heading with its items. */
export const Liite1File = z.object({
  local: Items,
  centralized: Items,
  purchased: Items,
  support: z.array(z.union([z.string().min(1), z.record(z.string().min(1), Items)])).min(1),
}).strict();
export type Liite1File = z.infer<typeof Liite1File>;
const SERVICE_COLUMNS = ["local", "centralized", "purchased"] as const;

export function readLiite1(dir = contentDir()): Liite1File {
  const parsed = Liite1File.safeParse(YAML.parse(readFileSync(join(dir, "liite1.yaml"), "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`knowledge/content/liite1.yaml: field "${issue.path.join(".")}": ${issue.message}`);
  }
  return parsed.data;
}

/** Cross-file checks beyond each file's schema: LIITE 1 coverage with the plan's delivery. */
export function checkLiite1(kb: Knowledge, dir = contentDir()): string[] {
  const problems: string[] = [];
  const table = readLiite1(dir);
  const services = [...kb.services.values()];
  for (const delivery of SERVICE_COLUMNS) {
    for (const item of table[delivery]) {
      const holders = services.filter((s) => s.liite1.includes(item));
      if (holders.length === 0) {
        problems.push(`knowledge/content/liite1.yaml: "${item}" (${delivery}) is named in no service file's liite1 list`);
      } else if (!holders.some((s) => s.delivery.includes(delivery as Delivery))) {
        problems.push(`knowledge/content/services/${holders[0].id}.yaml: field "delivery": LIITE 1 lists "${item}" as ${delivery}`);
      }
    }
  }
  const known = new Set(SERVICE_COLUMNS.flatMap((c) => table[c]));
  for (const s of services) {
    for (const [i, name] of s.liite1.entries()) {
      if (!known.has(name)) problems.push(`knowledge/content/services/${s.id}.yaml: field "liite1.${i}": "${name}" is not in LIITE 1 (knowledge/content/liite1.yaml)`);
    }
  }
  return problems;
}

/** Every note a service names (changedSincePlan, background) is written in all twelve languages. */
export function checkNotes(kb: Knowledge, dir = localesDir()): string[] {
  const problems: string[] = [];
  const notes = new Map(LANGS.map((lang) => {
    const path = join(dir, lang, "notes.json");
    return [lang, existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : {}];
  }));
  for (const s of kb.services.values()) {
    for (const field of ["changedSincePlan", "background"] as const) {
      const key = s[field];
      if (!key) continue;
      const missing = LANGS.filter((lang) => typeof notes.get(lang)?.[key] !== "string");
      if (missing.length > 0) problems.push(`knowledge/content/services/${s.id}.yaml: field "${field}": no note "${key}" in locales/{${missing.join(",")}}/notes.json`);
    }
  }
  return problems;
}

export function validateContent(): { kb: Knowledge; problems: string[] } {
  const kb = loadKnowledge();
  return { kb, problems: [...checkLiite1(kb), ...checkNotes(kb)] };
}
