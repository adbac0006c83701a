import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { SUGGEST_BELOW, type Guide } from "../knowledge/guide";
import type { AskResponse, MunicipalityId } from "../knowledge/schema";

/**
 * Anonymous counts for the area's knowledge-based management, in Prometheus format at /metrics:
 * what was asked about (service, channel kind, language, municipality), how often the guide was
 * unsure, and what people said about the answers. Never a text, never an identifier.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly c = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [this.registry] });

  readonly requests = this.c("reitti_http_requests_total", "HTTP requests by route pattern, method and status", ["route", "method", "status"] as const);
  readonly latency = new Histogram<"route" | "method">({
    name: "reitti_http_request_duration_seconds", help: "HTTP request duration by route pattern",
    labelNames: ["route", "method"], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry],
  });
  readonly answers = this.c("reitti_answers_total", "Answers given, by front end (api or bot)", ["surface"] as const);
  readonly byService = this.c("reitti_answers_by_service_total", "Answers by the service recognised (none when none)", ["service"] as const);
  readonly byChannelKind = this.c("reitti_answers_by_channel_kind_total", "Answers by the kind of channel the person was sent to", ["kind"] as const);
  readonly byLanguage = this.c("reitti_answers_by_language_total", "Answers by the language answered in", ["lang"] as const);
  readonly byMunicipality = this.c("reitti_answers_by_municipality_total", "Answers by the person's municipality, when known", ["municipality"] as const);
  readonly fallbacks = this.c("reitti_answers_fallback_total", "Answers without a sure match: out of scope, no service, or low confidence", ["reason"] as const);
  readonly feedback = this.c("reitti_feedback_total", "Votes on 'was this helpful?'", ["vote"] as const);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  answered(r: AskResponse, surface: "api" | "bot", municipality?: MunicipalityId): void {
    this.answers.inc({ surface });
    this.byService.inc({ service: r.service?.id ?? "none" });
    this.byChannelKind.inc({ kind: r.channel?.kind ?? "none" });
    this.byLanguage.inc({ lang: r.lang });
    this.byMunicipality.inc({ municipality: municipality ?? "unknown" });
    if (r.outOfScope) this.fallbacks.inc({ reason: "out_of_scope" });
    else if (!r.service) this.fallbacks.inc({ reason: "no_service" });
    else if (r.confidence < SUGGEST_BELOW) this.fallbacks.inc({ reason: "low_confidence" });
  }

  /** GET /metrics */
  handler(): RequestHandler {
    return async (_req, res) => {
      res.set("Content-Type", this.registry.contentType);
      res.send(await this.registry.metrics());
    };
  }
}

/** The guide, counting every answer it gives (the ask API's and the bot's). */
export function observedGuide(guide: Guide, metrics: Metrics, surface: "api" | "bot"): Guide {
  return {
    get kb() { return guide.kb; },
    get i18n() { return guide.i18n; },
    get index() { return guide.index; },
    get detector() { return guide.detector; },
    get classifier() { return guide.classifier; },
    read: (text) => guide.read(text),
    ask: (req, known) => {
      const r = guide.ask(req, known);
      metrics.answered(r, surface, req.municipality);
      return r;
    },
    explain: (serviceId, ctx) => {
      const r = guide.explain(serviceId, ctx);
      metrics.answered(r, surface, ctx.municipality);
      return r;
    },
    channelRef: (target, lang) => guide.channelRef(target, lang),
    routeFor: (service, ctx) => guide.routeFor(service, ctx),
    t: (lang) => guide.t(lang),
  };
}
