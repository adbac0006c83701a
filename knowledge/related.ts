import type { Knowledge } from "./load";

/** How many related services a "not helpful" answer offers. */
const RELATED_MAX = 3;

/**
 * Services close to the one just answered: those described in the same sections of the plan,
 * most shared sections first, then those for the same client group.
 */
export function relatedServices(kb: Knowledge, serviceId: string): string[] {
  const base = kb.services.get(serviceId);
  if (!base) return [];
  const sections = new Set(base.sections);
  return [...kb.services.values()]
    .filter((s) => s.id !== base.id)
    .map((s) => ({ id: s.id, shared: s.sections.filter((x) => sections.has(x)).length, sameClient: s.client === base.client ? 1 : 0 }))
    .filter((s) => s.shared > 0)
    .sort((a, b) => b.shared - a.shared || b.sameClient - a.sameClient || a.id.localeCompare(b.id))
    .slice(0, RELATED_MAX)
    .map((s) => s.id);
}
