// Validates every Kubernetes object in a YAML file (helm template's output) against the API schemas of
// kubernetes-models (Kubernetes 1.x core groups), @kubernetes-models/prometheus-operator and @kubernetes-models/keda.
// An object of a kind none of them knows is an error too: a typo in apiVersion or kind must not pass unchecked.
// Usage: node validate-k8s.mjs rendered.yaml   Prints "valid N" and exits 0, or one line per error and exits 1.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const packages = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator", "keda.sh": "@kubernetes-models/keda" };

async function modelOf(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  try {
    return (await import(`${packages[group] ?? "kubernetes-models"}/${apiVersion}`))[kind];
  } catch {
    return undefined; // no such API group or version
  }
}

const errors = [];
let valid = 0;
for (const document of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  // Malformed YAML (a duplicated key, say) is an error the API server's strict decoding would refuse as well.
  errors.push(...document.errors.map(e => `YAML: ${e.message}`));
  const object = document.toJS();
  if (object === null) {
    continue; // an empty document, as a template that renders nothing leaves
  }
  const name = `${object.kind}/${object.metadata?.name}`;
  const Model = object.apiVersion && object.kind ? await modelOf(object.apiVersion, object.kind) : undefined;
  if (!Model) {
    errors.push(`${name}: no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
    valid++;
  } catch (error) {
    errors.push(`${name}: ${error.message}`);
  }
}
if (errors.length > 0) {
  console.error(errors.join("\n"));
  process.exit(1);
}
console.log(`valid ${valid}`);
