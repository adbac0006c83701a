// Nothing a person typed reaches a log unredacted: Finnish identity codes, phone numbers, e-mail addresses.
// Every pattern here reads each character a bounded number of times, so the work is linear in the input
// (the old phone pattern backtracked over long digit runs: 15,000 digits cost half a second).

/** The longest text redact() returns; the rest is cut (after redaction, so nothing is half-hidden). */
export const REDACT_MAX_CHARS = 500;
// Redact a little past the cut, so a number that straddles it is still recognised whole.
const LOOKAHEAD = 64;

// Fixed length: at most 11 characters are tried from any position.
const HETU = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/gi;
// Maximal runs of what addresses are written with; one character class and no nesting, so no backtracking.
const TOKEN = /[^\s<>()[\]{},;"'`|]+/gu;
// Maximal runs of what phone numbers are written with: 040 123 4567, 040-1234567, 040.123.4567, (08) 558 41.
const PHONE_RUN = /\+?\d[\d\s().\-/]*/g;
const PHONE_MIN_DIGITS = 7;
// Bidirectional overrides would make a log line read differently from what it holds.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

function phone(run: string): string {
  let digits = 0;
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= 48 && run.charCodeAt(i) <= 57) digits++;
  if (digits < PHONE_MIN_DIGITS) return run;
  // Keep the separators after the last digit ("040 123 4567, " keeps ", ").
  let end = run.length;
  while (end > 0 && !(run.charCodeAt(end - 1) >= 48 && run.charCodeAt(end - 1) <= 57)) end--;
  return "[phone]" + run.slice(end);
}

function email(token: string): string {
  const at = token.indexOf("@");
  return at > 0 && token.indexOf(".", at) > at + 1 ? "[e-mail]" : token;
}

export function redact(text: string): string {
  const long = text.length > REDACT_MAX_CHARS;
  const head = long ? text.slice(0, REDACT_MAX_CHARS + LOOKAHEAD) : text;
  const clean = head.replace(BIDI, "").replace(HETU, "[identity code]").replace(TOKEN, email).replace(PHONE_RUN, phone);
  return long ? clean.slice(0, REDACT_MAX_CHARS) + "…" : clean;
}

/** A URL path as a person would read it: percent-escapes decoded (%40 is @), then redacted. */
export function redactPath(path: string): string {
  const head = path.slice(0, (REDACT_MAX_CHARS + LOOKAHEAD) * 3);
  let decoded: string;
  try {
    decoded = decodeURIComponent(head);
  } catch {
    // A malformed escape elsewhere must not keep the valid ones hidden from redaction.
    decoded = head.replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return redact(decoded);
}
