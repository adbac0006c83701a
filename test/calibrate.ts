// Development aid: how the classifier and the lunr ranking each do on the development sets.
import { createGuide } from "../knowledge/guide";
import { ExampleClassifier } from "../knowledge/understand/classifier";
import { maskPlaces, trainingExamples } from "../knowledge/understand/training";
import { isPlaceWord } from "../knowledge/places";
import { loadDevset } from "./devset";

async function main(): Promise<void> {
  process.env.REITTI_QUIET = "1";
  const guide = await createGuide();
  const t0 = Date.now();
  const cls = new ExampleClassifier(trainingExamples(guide.kb, isPlaceWord), { maxDocShare: Number(process.env.MDS ?? 0.15), secondWeight: Number(process.env.SW ?? 0.5) });
  process.stdout.write(`trained ${cls.size} docs in ${Date.now() - t0} ms\n`);
  const items = [...loadDevset("devset.jsonl"), ...loadDevset("heldout.jsonl")].filter((i) => i.expect.service);
  const A = Number(process.env.A ?? 1), B = Number(process.env.B ?? 0.5);
  let c = 0, l = 0, m = 0, n = 0;
  const t1 = process.hrtime.bigint();
  for (const it of items) {
    n++;
    const cr = cls.classify(maskPlaces(it.text, isPlaceWord)).filter((x) => !x.label.startsWith("smalltalk"));
    const written = guide.detector.detect(it.text).lang;
    const lr = guide.index.search(it.text, written, isPlaceWord);
    if (cr[0]?.label === it.expect.service) c++;
    if (lr.hits[0]?.id === it.expect.service) l++;
    const comb = new Map<string, number>();
    for (const x of cr.slice(0, 15)) comb.set(x.label, A * x.score);
    for (const h of lr.hits.slice(0, 15)) comb.set(h.id, (comb.get(h.id) ?? 0) + B * (1 - Math.exp(-h.score / 8)));
    const top = [...comb.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (top === it.expect.service) m++;
    else if (process.env.SHOW) process.stdout.write(`${it.lang} ${it.expect.service} cls=${cr[0]?.label}:${cr[0]?.score.toFixed(2)} lunr=${lr.hits[0]?.id} got=${top} | ${it.text}\n`);
  }
  const ms = Number(process.hrtime.bigint() - t1) / 1e6;
  process.stdout.write(`n=${n} classifier ${(100 * c / n).toFixed(1)}% lunr ${(100 * l / n).toFixed(1)}% combined ${(100 * m / n).toFixed(1)}%  (${(ms / n).toFixed(3)} ms/q incl. lunr)\n`);
}
main();
