import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import YAML from "yaml";
import { z } from "zod";
import {
  ChannelFile, ExamplesFile, MUNICIPALITIES, SectionFile, ServiceFile,
  type MunicipalityId,
} from "./schema";
import { PlacesFile } from "./places";
import { DomainFile, DomainWords } from "./domain";
import { contentDir, projectRoot } from "./paths";
import { snapshot, snapshotKey } from "./snapshot";
import { REQUIRED_CHANNELS, REQUIRED_SERVICES } from "./required";

export type Service = ServiceFile;
export type Channel = ChannelFile;
export type Section = SectionFile["sections"][number];

/** A content error that names the file and the field, for editors who are not programmers. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super("The knowledge base has errors:\n" + problems.map((p) => "  - " + p).join("\n"));
  }
}

export interface Knowledge {
  services: Map<string, Service>;
  channels: Map<string, Channel>;
  sections: Map<string, Section>;
  /** The local-services channel of each of the eleven municipalities. */
  municipalityChannels: Map<MunicipalityId, Channel>;
  /** The guided path's buttons: service ids per kind of person (guided.yaml). */
  guided: GuidedFile;
  /** Words that show a question is about work and employment (domain.yaml). */
  domain: DomainWords;
  /** Example phrasings per language (examples/<lang>.yaml): the classifier's training data. */
  examples: ExamplesFile[];
  /** A hash of every content file's bytes: what is built from the content is keyed by it. */
  fingerprint: string;
}

export const GuidedFile = z.object({
  jobseeker: z.array(z.string()).min(1),
  immigrant: z.array(z.string()).min(1),
  employer: z.array(z.string()).min(1),
  resident: z.array(z.string()).min(1),
}).strict();
export type GuidedFile = z.infer<typeof GuidedFile>;

// YAML reads 2.4 as a number; an editor should not have to quote section numbers.
function sectionsAsText(raw: unknown): unknown {
  if (raw && typeof raw === "object" && "sections" in raw && Array.isArray(raw.sections)) {
    return { ...raw, sections: raw.sections.map((s: unknown) => (typeof s === "number" ? String(s) : s)) };
  }
  return raw;
}

/** Every YAML file of a content folder, parsed (or its parse error), keyed by path. */
type ParsedTree = Record<string, { value: unknown } | { error: string }>;

/**
 * Parsing a megabyte of YAML is the slowest part of loading; the parsed tree is kept as a
 * snapshot keyed by the files' bytes, so it is parsed again only after an edit.
 */
function parseTree(dir: string): { tree: ParsedTree; fingerprint: string } {
  const texts: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".yaml")) texts.push([join(d, e.name), readFileSync(join(d, e.name), "utf8")]);
    }
  };
  walk(dir);
  const parse = (): ParsedTree => {
    const tree: ParsedTree = {};
    for (const [path, text] of texts) {
      try {
        tree[path] = { value: YAML.parse(text) };
      } catch (e) {
        tree[path] = { error: (e as Error).message.split("\n")[0] };
      }
    }
    return tree;
  };
  const fingerprint = snapshotKey(...texts.flat());
  // Only the project's own content is kept: a copy (a test, an import trial) is parsed each time.
  if (dir !== contentDir()) return { tree: parse(), fingerprint };
  return {
    tree: snapshot("content", fingerprint, parse, (t) => Buffer.from(JSON.stringify(t)), (b) => JSON.parse(b.toString("utf8")) as ParsedTree),
    fingerprint,
  };
}

function parseFile<S extends z.ZodType>(tree: ParsedTree, path: string, schema: S, problems: string[]): z.infer<S> | undefined {
  const name = relative(projectRoot(), path);
  const entry = tree[path];
  if (!entry) {
    problems.push(`${name}: missing`);
    return undefined;
  }
  if ("error" in entry) {
    problems.push(`${name}: not valid YAML: ${entry.error}`);
    return undefined;
  }
  const raw = entry.value;
  const parsed = schema.safeParse(sectionsAsText(raw));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${name}: field "${issue.path.join(".") || "(file)"}": ${issue.message}`);
    }
    return undefined;
  }
  const text = JSON.stringify(parsed.data);
  if (/"TODO"|\bTODO\b/.test(text)) problems.push(`${name}: still has a TODO placeholder`);
  return parsed.data;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => join(dir, f));
}

/** Reads and checks every content file; throws ContentError listing all problems at once. */
export function loadKnowledge(dir = contentDir()): Knowledge {
  const problems: string[] = [];
  const { tree, fingerprint } = parseTree(dir);
  const services = new Map<string, Service>();
  const channels = new Map<string, Channel>();
  const sections = new Map<string, Section>();

  const sectionFile = parseFile(tree, join(dir, "sections.yaml"), SectionFile, problems);
  for (const s of sectionFile?.sections ?? []) sections.set(s.id, s);

  for (const path of yamlFiles(join(dir, "channels"))) {
    const c = parseFile(tree, path, ChannelFile, problems);
    if (!c) continue;
    const name = relative(projectRoot(), path);
    if (!path.endsWith(`/${c.id}.yaml`)) problems.push(`${name}: field "id": must match the file name (${c.id}.yaml)`);
    if (channels.has(c.id)) problems.push(`${name}: field "id": ${c.id} is used twice`);
    if (c.kind === "municipality" && !c.municipality) problems.push(`${name}: field "municipality": a municipality channel must name its municipality`);
    channels.set(c.id, c);
  }

  for (const [id, kind] of Object.entries(REQUIRED_CHANNELS)) {
    const c = channels.get(id);
    if (!c) problems.push(`knowledge/content/channels/${id}.yaml: missing (the code routes to this channel)`);
    else if (c.kind !== kind) problems.push(`knowledge/content/channels/${id}.yaml: field "kind": must be ${kind} (the code routes to it as ${kind})`);
  }

  const municipalityChannels = new Map<MunicipalityId, Channel>();
  for (const m of MUNICIPALITIES) {
    const c = channels.get(`municipality-${m}`);
    if (c) municipalityChannels.set(m, c);
    else problems.push(`knowledge/content/channels/municipality-${m}.yaml: missing (every municipality needs its channel)`);
  }

  // "municipality" and "businessasema" stand for the person's own municipality and the central desk.
  const knownAlternative = (id: string) => id === "municipality" || channels.has(id);
  for (const path of yamlFiles(join(dir, "services"))) {
    const s = parseFile(tree, path, ServiceFile, problems);
    if (!s) continue;
    const name = relative(projectRoot(), path);
    if (!path.endsWith(`/${s.id}.yaml`)) problems.push(`${name}: field "id": must match the file name (${s.id}.yaml)`);
    if (services.has(s.id)) problems.push(`${name}: field "id": ${s.id} is used twice`);
    if (s.channel && !channels.has(s.channel)) problems.push(`${name}: field "channel": no channel "${s.channel}" in knowledge/content/channels/`);
    if (s.channel && channels.get(s.channel)?.kind !== s.route) problems.push(`${name}: field "channel": "${s.channel}" is not of kind ${s.route}`);
    if (s.ouluChannel && !channels.has(s.ouluChannel)) problems.push(`${name}: field "ouluChannel": no channel "${s.ouluChannel}" in knowledge/content/channels/`);
    if (s.ouluChannel && s.route !== "municipality") problems.push(`${name}: field "ouluChannel": only a service routed to the municipality has one`);
    if ((s.route === "state") && !s.channel) problems.push(`${name}: field "channel": a state route must name the state channel`);
    s.alternatives.forEach((a, i) => {
      if (!knownAlternative(a)) problems.push(`${name}: field "alternatives.${i}": no channel "${a}"`);
    });
    s.sections.forEach((sec, i) => {
      if (sectionFile && !sections.has(sec)) problems.push(`${name}: field "sections.${i}": the plan has no section "${sec}" in sections.yaml`);
    });
    if (s.liite1.length > 0 && !s.sections.includes("LIITE 1")) problems.push(`${name}: field "sections": a service listed in LIITE 1 must cite "LIITE 1"`);
    if (s.cost && !s.sections.includes("LIITE 2")) problems.push(`${name}: field "sections": a service with a LIITE 2 cost principle must cite "LIITE 2"`);
    services.set(s.id, s);
  }

  for (const id of REQUIRED_SERVICES) {
    if (!services.has(id)) problems.push(`knowledge/content/services/${id}.yaml: missing (the code answers with this service)`);
  }

  const guided = parseFile(tree, join(dir, "guided.yaml"), GuidedFile, problems);
  for (const [role, ids] of Object.entries(guided ?? {})) {
    ids.forEach((id, i) => {
      if (!services.has(id)) problems.push(`knowledge/content/guided.yaml: field "${role}.${i}": no service "${id}"`);
    });
  }

  const domainFile = parseFile(tree, join(dir, "domain.yaml"), DomainFile, problems);
  parseFile(tree, join(dir, "places.yaml"), PlacesFile, problems);

  const examples: ExamplesFile[] = [];
  for (const path of yamlFiles(join(dir, "examples"))) {
    const e = parseFile(tree, path, ExamplesFile, problems);
    if (!e) continue;
    const name = relative(projectRoot(), path);
    if (!path.endsWith(`/${e.lang}.yaml`)) problems.push(`${name}: field "lang": must match the file name (${e.lang}.yaml)`);
    for (const id of Object.keys(e.services)) {
      if (!services.has(id)) problems.push(`${name}: field "services.${id}": no service "${id}" in knowledge/content/services/`);
    }
    examples.push(e);
  }

  if (problems.length > 0 || !guided || !domainFile) throw new ContentError(problems);
  return { services, channels, sections, municipalityChannels, guided, domain: new DomainWords(domainFile), examples, fingerprint };
}
