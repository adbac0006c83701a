import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { Guide } from "../knowledge/guide";
import { parseAskRequest } from "../knowledge/requests";
import { z } from "zod";
import { listServices, parseServiceQuery } from "../knowledge/catalogue";
import { Lang, MunicipalityId } from "../knowledge/schema";

const GuidanceQuery = z.object({ lang: Lang.default("fi"), municipality: MunicipalityId.optional() });

/** A 4xx JSON error that names the field: the only kind of failure a caller should ever see. */
export function sendError(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}

/** POST /api/ask and GET /api/services, per ../shared/spec/ask-contract.md. */
export function apiRouter(guide: Guide): Router {
  const router = express.Router();
  router.use(express.json({ limit: "16kb", type: () => true }));

  router.post("/ask", (req: Request, res: Response) => {
    const parsed = parseAskRequest(req.body);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message, parsed.error.field);
    res.json(guide.ask(parsed.value));
  });
  router.all("/ask", (_req, res) => sendError(res, 405, "method_not_allowed", "Use POST with a JSON body."));

  router.get("/services", (req: Request, res: Response) => {
    const parsed = parseServiceQuery(req.query);
    if (!parsed.ok) return sendError(res, 400, parsed.error.code, parsed.error.message, parsed.error.field);
    res.json({ services: listServices(guide, parsed.value) });
  });

  router.get("/services/:id/guidance", (req: Request, res: Response) => {
    const service = guide.kb.services.get(String(req.params.id));
    if (!service) return sendError(res, 404, "not_found", "No such service.", "id");
    const parsed = GuidanceQuery.safeParse(req.query);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0].path[0] ?? "lang");
      return sendError(res, 400, "invalid_field", `Parameter "${field}": ${parsed.error.issues[0].message}.`, field);
    }
    const { lang, municipality } = parsed.data;
    const r = guide.explain(service.id, { lang, municipality });
    res.json({ id: service.id, lang, text: r.answer, channel: r.channel, citations: r.citations });
  });

  router.get("/sections", (req: Request, res: Response) => {
    const lang = Lang.safeParse(req.query.lang ?? "fi");
    if (!lang.success) return sendError(res, 400, "invalid_field", "Parameter \"lang\": unknown language.", "lang");
    res.json({
      sections: [...guide.kb.sections.values()].map((s) => ({
        id: s.id, title: s.title[lang.data] ?? s.title.en, summary: s.summary[lang.data] ?? s.summary.en,
      })),
    });
  });

  // Body-parser failures (bad JSON, too large) arrive here: answer them as the caller's error.
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === "entity.parse.failed") return sendError(res, 400, "invalid_json", "The body is not valid JSON.", "body");
    if (e.type === "entity.too.large") return sendError(res, 413, "too_large", "The body is larger than 16 kB.", "body");
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") return sendError(res, 415, "unsupported_encoding", "Send the body as UTF-8 JSON.", "body");
    if (typeof e.status === "number" && e.status >= 400 && e.status < 500) return sendError(res, e.status, "bad_request", "The request could not be read.", "body");
    return next(err);
  });
  return router;
}
