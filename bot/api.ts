import express, { type RequestHandler, type Router } from "express";
import { z } from "zod";
import { listServices, ServiceQuery } from "../knowledge/catalogue";
import type { Guide } from "../knowledge/guide";
import { AskRequest, Lang, MunicipalityId, type AskResponse } from "../knowledge/schema";
import { BODY_MAX_BYTES } from "./config";
import { jsonBody, onlyMethods, sendError, sendJson, validated } from "./edge";

export { sendError };

const GuidanceQuery = z.object({ lang: Lang.default("fi"), municipality: MunicipalityId.optional() });
const SectionsQuery = z.object({ lang: Lang.default("fi") });
const ServiceId = z.object({ id: z.string().max(100) });

/**
 * The answer as JSON. Many questions share one rendered answer (the guide keeps it), so its
 * `details` are serialised once per rendered answer and spliced in; the rest is per question.
 */
const detailsJson = new WeakMap<object, string>();
export function askJson(r: AskResponse): string {
  const { details, ...rest } = r;
  if (!details) return JSON.stringify(r);
  let d = detailsJson.get(details);
  if (d === undefined) detailsJson.set(details, (d = JSON.stringify(details)));
  return `${JSON.stringify(rest).slice(0, -1)},"details":${d}}`;
}

/** POST /api/ask and GET /api/services, per ../shared/spec/ask-contract.md. */
export function apiRouter(guide: Guide, limit: RequestHandler): Router {
  const router = express.Router();

  router.post("/ask", limit, ...jsonBody(BODY_MAX_BYTES.api), validated({ body: AskRequest }, ({ body }, _req, res) => {
    const r = guide.ask(body);
    sendJson(res, r, askJson(r));
  }));

  router.get("/services", validated({ query: ServiceQuery }, ({ query }, _req, res) => {
    res.json({ services: listServices(guide, query) });
  }));

  router.get("/services/:id/guidance", validated({ params: ServiceId, query: GuidanceQuery }, ({ params, query }, _req, res) => {
    const service = guide.kb.services.get(params.id);
    if (!service) return sendError(res, 404, "not_found", "No such service.", "id");
    const { lang, municipality } = query;
    const r = guide.explain(service.id, { lang, municipality });
    res.json({ id: service.id, lang, text: r.answer, channel: r.channel, citations: r.citations, details: r.details });
  }));

  router.get("/sections", validated({ query: SectionsQuery }, ({ query: { lang } }, _req, res) => {
    res.json({
      sections: [...guide.kb.sections.values()].map((s) => ({
        id: s.id, title: s.title[lang] ?? s.title.en, summary: s.summary[lang] ?? s.summary.en,
      })),
    });
  }));

  onlyMethods(router, { "/ask": ["POST"], "/services": ["GET"], "/services/:id/guidance": ["GET"], "/sections": ["GET"] });
  return router;
}
