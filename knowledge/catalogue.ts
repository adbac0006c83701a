import { z } from "zod";
import type { Guide } from "./guide";
import type { Service } from "./load";
import { inLang, todoFor } from "./localize";
import type { Parsed } from "./requests";
import { Client, Delivery, Lang, MunicipalityId, type ChannelRef } from "./schema";

export const ServiceQuery = z.object({
  q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
  lang: Lang.optional(),
  municipality: MunicipalityId.optional(),
  delivery: Delivery.optional(),
  client: Client.optional(),
});
export type ServiceQuery = z.infer<typeof ServiceQuery>;

export function parseServiceQuery(raw: unknown): Parsed<ServiceQuery> {
  const r = ServiceQuery.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = String(issue.path[0] ?? "q");
  return { ok: false, error: { code: "invalid_field", message: `Parameter "${field}": ${issue.message}.`, field } };
}

export interface CatalogueEntry {
  id: string;
  title: string;
  titleFi: string;
  delivery: Service["delivery"];
  client: Service["client"];
  sections: string[];
  channel: ChannelRef;
  alternatives: ChannelRef[];
  needs: string[];
  summary: string;
  todo: string;
  refers: string[];
  decides: string[];
  staysWith: string[];
  cost?: string;
  changedSincePlan?: string;
  background?: string;
  liite1: string[];
  score?: number;
}

/** A client filter matches its own services and those open to anyone. */
const clientMatches = (s: Service, client?: ServiceQuery["client"]) =>
  !client || s.client === client || (s.client === "any" && client !== "any") ;

/** GET /api/services: the catalogue, narrowed by the filters, ranked by q when given. */
export function listServices(guide: Guide, query: ServiceQuery): CatalogueEntry[] {
  const q = query.q && query.q.length > 0 ? query.q : undefined;
  const lang = query.lang ?? (q ? guide.detector.detect(q).lang : "fi");
  let ordered: Array<{ s: Service; score?: number }>;
  if (q) {
    const r = guide.index.search(q, lang);
    // Keep the services that answer the words, not every one that shares a word with them.
    const floor = (r.hits[0]?.score ?? 0) * 0.2;
    ordered = r.hits.filter((h) => h.score >= floor).map((h) => ({ s: guide.kb.services.get(h.id)!, score: Math.round(h.score * 100) / 100 }));
  } else {
    ordered = [...guide.kb.services.values()].map((s) => ({ s }));
  }
  const t = guide.t(lang);
  return ordered
    .filter(({ s }) => (!query.delivery || s.delivery.includes(query.delivery)) && clientMatches(s, query.client))
    .map(({ s, score }) => {
      const r = guide.routeFor(s, { municipality: query.municipality, lang });
      return {
        id: s.id,
        // The Finnish name travels apart, in titleFi.
        title: s.title[lang] ?? s.title.en,
        titleFi: s.title.fi,
        delivery: s.delivery,
        client: s.client,
        sections: s.sections,
        channel: guide.channelRef(r.target, lang),
        alternatives: r.alternatives.map((a) => guide.channelRef(a, lang)),
        needs: r.needs,
        summary: inLang(s.summary, lang) ?? s.summary.en,
        todo: todoFor(s, guide.channelRef(r.target, lang), lang, t) ?? inLang(s.todo, lang) ?? s.todo.en,
        refers: s.refers.map((a) => t(`actors:${a}`)),
        decides: s.decides.map((a) => t(`actors:${a}`)),
        staysWith: s.staysWith.map((a) => t(`actors:${a}`)),
        ...(s.cost ? { cost: s.cost } : {}),
        ...(s.changedSincePlan ? { changedSincePlan: t(`notes:${s.changedSincePlan}`) } : {}),
        ...(s.background ? { background: t(`notes:${s.background}`) } : {}),
        liite1: s.liite1,
        ...(score !== undefined ? { score } : {}),
      };
    });
}
