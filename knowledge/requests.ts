import { AskRequest } from "./schema";

export interface RequestError {
  code: "invalid_json" | "invalid_request" | "invalid_field";
  message: string;
  /** The field at fault, when one is. */
  field?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: RequestError };

/** Checks an ask request; the error names the first field at fault. */
export function parseAskRequest(raw: unknown): Parsed<AskRequest> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, error: { code: "invalid_request", message: "The request must be a JSON object with a \"text\" field.", field: "body" } };
  }
  const r = AskRequest.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  const field = String(issue.path[0] ?? "text");
  return { ok: false, error: { code: "invalid_field", message: `Field "${field}": ${issue.message}.`, field } };
}

/** One JSON line in, a request or an error out (the jsonl command line). */
export function parseAskLine(line: string): Parsed<AskRequest> {
  if (line.trim() === "") return { ok: false, error: { code: "invalid_json", message: "The line is empty: expected a JSON request." } };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, error: { code: "invalid_json", message: "The line is not valid JSON." } };
  }
  return parseAskRequest(raw);
}
