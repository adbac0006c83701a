// npm run eval -- [file.jsonl]: accuracy table for a labelled question set in test/data/.
import { createGuide } from "../knowledge/guide";
import { evaluate, loadDevset, table } from "./devset";

async function main(): Promise<void> {
  process.env.REITTI_QUIET = "1";
  const file = process.argv[2] ?? "devset.jsonl";
  const guide = await createGuide();
  const { byLang, misses } = evaluate(guide, loadDevset(file));
  process.stdout.write(`${file}\n${table(byLang)}\n`);
  if (process.argv.includes("--misses")) for (const m of misses) process.stdout.write(JSON.stringify(m) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`eval: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
