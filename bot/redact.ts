// Nothing a person typed reaches a log unredacted: Finnish identity codes, phone numbers, e-mail addresses.
const HETU = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const PHONE = /(?:\+|\b00)?\d[\d ()-]{6,}\d\b/g;

export function redact(text: string): string {
  return text.replace(HETU, "[identity code]").replace(EMAIL, "[e-mail]").replace(PHONE, "[phone]");
}
