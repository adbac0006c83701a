// Which contact facts each channel holds, so the operator sees what to fill (npm run validate).
import type { Channel, Knowledge } from "./load";
import type { Source } from "./schema";

export const CONTACT_TYPES = ["phone", "address", "hours", "e-channel"] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * sourced: a value with a source from 2024 or later (or undated);
 * old: the only values come from sources older than 2024 (before the 1.1.2025 reform);
 * present: the channel offers this kind of contact, but no sourced value is held yet;
 * missing: nothing at all.
 */
export type Coverage = "sourced" | "old" | "present" | "missing";

/** Sources before this year predate the move of employment services to the municipalities. */
export const OLD_BEFORE_YEAR = 2024;

/** A source is old when it says so, or when every year it names is before 2024. */
export function isOldSource(source: Source): boolean {
  const text = `${source.date} ${source.note ?? ""}`;
  if (/pre-2024/i.test(text)) return true;
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.length > 0 && Math.max(...years) < OLD_BEFORE_YEAR;
}

interface Fact { value: boolean; source?: Source }

function facts(c: Channel, type: ContactType): Fact[] {
  switch (type) {
    case "phone":
      return c.contacts.flatMap((x) => (x.type === "Phone" ? [{ value: x.number !== undefined, source: x.source }] : []));
    case "address":
      return c.contacts.flatMap((x) => (x.type === "ServiceLocation" ? [{ value: x.address !== undefined, source: x.source }] : []));
    case "e-channel":
      return c.contacts.flatMap((x) => (x.type === "EChannel" ? [{ value: x.url !== undefined, source: x.source }] : []));
    case "hours":
      return c.hours.map((h) => ({ value: true, source: h.source }));
  }
}

export function coverageOf(c: Channel, type: ContactType): Coverage {
  const all = facts(c, type);
  const valued = all.filter((f) => f.value && f.source);
  if (valued.some((f) => !isOldSource(f.source!))) return "sourced";
  if (valued.length > 0) return "old";
  return all.length > 0 ? "present" : "missing";
}

export type ChannelCoverage = { id: string } & Record<ContactType, Coverage>;

export function contactCoverage(kb: Knowledge): ChannelCoverage[] {
  return [...kb.channels.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, ...Object.fromEntries(CONTACT_TYPES.map((t) => [t, coverageOf(c, t)])) }) as ChannelCoverage);
}

const LABEL: Record<Coverage, string> = { sourced: "sourced", old: "old ⚠ pre-2024", present: "present", missing: "missing" };

/** The report as plain text for the operator: one row per channel, then what is left to fill. */
export function formatCoverage(rows: ChannelCoverage[]): string {
  const idWidth = Math.max(...rows.map((r) => r.id.length), "channel".length);
  const col = Math.max(...Object.values(LABEL).map((l) => l.length), ...CONTACT_TYPES.map((t) => t.length)) + 2;
  const lines = [
    "Contact coverage (sourced: value with a source from 2024 on; old ⚠ pre-2024: only older sources;",
    "present: offered, but no sourced value yet; missing: nothing). Values come from ../shared/facts/channels.md",
    "or `npm run import-ptv -- FILE.json`.",
    "",
    "channel".padEnd(idWidth + 2) + CONTACT_TYPES.map((t) => t.padEnd(col)).join("").trimEnd(),
    ...rows.map((r) => r.id.padEnd(idWidth + 2) + CONTACT_TYPES.map((t) => LABEL[r[t]].padEnd(col)).join("").trimEnd()),
    "",
    "To fill: " + CONTACT_TYPES.map((t) => `${rows.filter((r) => r[t] !== "sourced").length}/${rows.length} without a current sourced ${t}`).join(", ") + ".",
  ];
  return lines.join("\n") + "\n";
}
