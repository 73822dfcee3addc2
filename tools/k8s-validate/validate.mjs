// Checks every document of the given YAML files against the Kubernetes schema of its apiVersion and kind
// (the schemas the npm package kubernetes-models ships, compiled with ajv). Prints one line per document;
// exits 1 when any is invalid, 2 on a file it cannot read.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

let invalid = 0;
for (const file of process.argv.slice(2)) {
  let docs;
  try {
    docs = yaml.loadAll(readFileSync(file, "utf8")).filter((d) => d != null);
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  for (const [i, doc] of docs.entries()) {
    const where = `${file}#${i + 1} ${doc.kind}/${doc.metadata?.name}`;
    let model;
    try {
      model = (await import(`kubernetes-models/${doc.apiVersion}`))[doc.kind];
    } catch (e) {
      model = undefined;
    }
    if (typeof model !== "function") {
      console.log(`INVALID ${where}: no schema for apiVersion ${doc.apiVersion} kind ${doc.kind}`);
      invalid++;
      continue;
    }
    try {
      new model(doc).validate();
      console.log(`valid ${where}`);
    } catch (e) {
      console.log(`INVALID ${where}: ${e.message}`);
      invalid++;
    }
  }
}
process.exit(invalid > 0 ? 1 : 0);
