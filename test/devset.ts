import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Guide } from "../knowledge/guide";
import { projectRoot } from "../knowledge/paths";
import { ChannelKind, Lang, MunicipalityId, Role } from "../knowledge/schema";

export const DevItem = z.object({
  text: z.string(),
  lang: Lang,
  municipality: MunicipalityId.optional(),
  role: Role.optional(),
  expect: z.object({
    /** Blind sets are written without the service ids: kind and sections only. */
    service: z.string().nullable().optional(),
    kind: ChannelKind.nullable(),
    /** Other channel kinds the plan also supports for this question. */
    alsoOk: z.array(ChannelKind).default([]),
    sections: z.array(z.string()),
    outOfScope: z.boolean(),
    needsMunicipality: z.boolean(),
    about: z.string().optional(),
  }),
});
export type DevItem = z.infer<typeof DevItem>;

export function loadDevset(file = "devset.jsonl"): DevItem[] {
  return readFileSync(file.startsWith("/") ? file : join(projectRoot(), "test", "data", file), "utf8")
    .split("\n").filter((l) => l.trim())
    .map((l, i) => {
      const r = DevItem.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file} line ${i + 1}: ${r.error.issues[0].message}`);
      return r.data;
    });
}

export interface Tally { n: number; kind: number; section: number; lang: number; service: number; scope: number }
export interface Miss { item: DevItem; got: { service?: string | null; kind?: string | null; lang: string; sections: string[]; confidence: number } }

/** Asks every question without its language label, as a person would, and counts what came out right. */
export function evaluate(guide: Guide, items: DevItem[]): { byLang: Map<string, Tally>; misses: Miss[] } {
  const byLang = new Map<string, Tally>();
  const misses: Miss[] = [];
  for (const item of items) {
    const r = guide.ask({ text: item.text, municipality: item.municipality, role: item.role });
    const t = byLang.get(item.lang) ?? { n: 0, kind: 0, section: 0, lang: 0, service: 0, scope: 0 };
    t.n++;
    const got = r.channel?.kind ?? null;
    const kindOk = got === item.expect.kind || (got !== null && item.expect.alsoOk.includes(got)) || (item.expect.outOfScope && r.outOfScope);
    const sectionOk = item.expect.sections.length === 0 ? r.citations.length === 0 : r.citations.some((c) => item.expect.sections.includes(c));
    if (kindOk) t.kind++;
    if (sectionOk) t.section++;
    if (r.lang === item.lang) t.lang++;
    if (item.expect.service === undefined || (r.service?.id ?? null) === item.expect.service) t.service++;
    if (r.outOfScope === item.expect.outOfScope) t.scope++;
    byLang.set(item.lang, t);
    if (!kindOk || !sectionOk || r.lang !== item.lang) {
      misses.push({ item, got: { service: r.service?.id ?? null, kind: r.channel?.kind ?? null, lang: r.lang, sections: r.citations, confidence: r.confidence } });
    }
  }
  return { byLang, misses };
}

export function table(byLang: Map<string, Tally>): string {
  const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(0).padStart(4)}%`;
  const rows = ["lang    n  kind  sect  lang  serv scope"];
  const total: Tally = { n: 0, kind: 0, section: 0, lang: 0, service: 0, scope: 0 };
  for (const [l, t] of [...byLang.entries()].sort()) {
    rows.push(`${l.padEnd(4)} ${String(t.n).padStart(4)} ${pct(t.kind, t.n)} ${pct(t.section, t.n)} ${pct(t.lang, t.n)} ${pct(t.service, t.n)} ${pct(t.scope, t.n)}`);
    for (const k of Object.keys(total) as Array<keyof Tally>) total[k] += t[k];
  }
  rows.push(`all  ${String(total.n).padStart(4)} ${pct(total.kind, total.n)} ${pct(total.section, total.n)} ${pct(total.lang, total.n)} ${pct(total.service, total.n)} ${pct(total.scope, total.n)}`);
  return rows.join("\n");
}
