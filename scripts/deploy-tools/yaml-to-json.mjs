// Prints a YAML file's documents as one JSON array, with anchors and merge keys (<<: *env) resolved as docker
// compose resolves them, so the .NET tests read compose files and rendered charts with System.Text.Json.
// Usage: node yaml-to-json.mjs file.yaml
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const documents = parseAllDocuments(readFileSync(process.argv[2], "utf8"), { merge: true });
const failed = documents.flatMap(d => d.errors);
if (failed.length > 0) {
  console.error(failed.map(e => e.message).join("\n"));
  process.exit(1);
}
console.log(JSON.stringify(documents.map(d => d.toJS({ maxAliasCount: -1 })).filter(d => d !== null)));
