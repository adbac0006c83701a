import assert from "node:assert/strict";
import { ExampleClassifier } from "../../../knowledge/understand/classifier";

const config = { maxDocShare: 0.5, secondWeight: 0.5 };
const examples = [
  { label: "work-trial", text: "haluan työkokeiluun" },
  { label: "work-trial", text: "can I do a work trial at a company" },
  { label: "pay-subsidy", text: "palkkatuki uudelle työntekijälle" },
  { label: "pay-subsidy", text: "how do I apply for pay subsidy as an employer" },
  { label: "smalltalk:thanks", text: "kiitos paljon" },
];

describe("the example classifier", () => {
  const trained = new ExampleClassifier(ExampleClassifier.train(examples), config);

  it("finds the service whose examples a new phrasing resembles, inflected or misspelt", () => {
    assert.equal(trained.classify("pääsisinkö työkokeilluun")[0].label, "work-trial");
    assert.equal(trained.classify("palkkatukea työnantajana")[0].label, "pay-subsidy");
    assert.equal(trained.classify("kiitos")[0].label, "smalltalk:thanks");
  });

  it("answers the same after a round trip through its snapshot bytes", () => {
    const copy = new ExampleClassifier(ExampleClassifier.decode(ExampleClassifier.encode(trained.state)), config);
    for (const q of ["työkokeilu kempeleessä", "pay subsidy please", "zzz"]) assert.deepEqual(copy.classify(q), trained.classify(q));
  });

  it("gives nothing for text that shares no n-gram with any example", () => {
    assert.deepEqual(trained.classify("ääää"), []);
  });
});
