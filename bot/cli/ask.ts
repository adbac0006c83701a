// npm run --silent ask -- --jsonl : one request per line on stdin, one response per line on stdout.
// Without --jsonl: the words on the command line are one question, answered as readable text.
import { createInterface } from "node:readline";
import { createGuide } from "../../knowledge/guide";
import { parseAskLine, parseAskRequest } from "../../knowledge/requests";
import { warmUp } from "../../knowledge/warmup";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const guide = await createGuide();
  if (!args.includes("--jsonl")) {
    const lang = args.indexOf("--lang") >= 0 ? args[args.indexOf("--lang") + 1] : undefined;
    const text = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--lang").join(" ");
    const parsed = parseAskRequest({ text, lang });
    if (!parsed.ok) {
      process.stderr.write(parsed.error.message + "\n");
      process.exitCode = 2;
      return;
    }
    const r = guide.ask(parsed.value);
    process.stdout.write(r.answer + "\n");
    return;
  }
  // A batch: compile the answer path before the first line rather than during the first hundreds.
  warmUp(guide);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  // Answers go out together once the lines at hand are answered (a write to a pipe is a system
  // call each); someone typing one line at a time still gets each answer at once.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    process.stdout.write(pending.join(""));
    pending = [];
  };
  for await (const line of lines) {
    // Every input line gets its output line, an empty one too, so answers stay aligned.
    const parsed = parseAskLine(line);
    let out: unknown;
    try {
      out = parsed.ok ? guide.ask(parsed.value) : { error: parsed.error };
    } catch {
      out = { error: { code: "internal_error", message: "This question could not be answered." } };
    }
    if (pending.length === 0) setImmediate(flush);
    pending.push(JSON.stringify(out) + "\n");
  }
  flush();
}

main().catch((e: unknown) => {
  process.stderr.write(`reitti ask: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
