// Parses modelerfour's code model from its YAML form without type tags (`code-model-v4-no-tags`).
// Anchors and aliases become shared objects, so a schema is the same object wherever it is used.
import type { CodeModel } from "@autorest/codemodel";
import { load } from "js-yaml";

/** Among AutoRest's input names, the code model without tags. */
export function codeModelInputName(inputNames: readonly string[]): string {
  const name = inputNames.find((candidate) => /code-model-v4-no-tags\.yaml$/.test(candidate));
  if (name === undefined) {
    throw new Error(`No code-model-v4-no-tags.yaml among the plugin inputs (${inputNames.join(", ")})`);
  }
  return name;
}

export function loadCodeModel(text: string): CodeModel {
  const model = load(text);
  if (typeof model !== "object" || model === null || !("operationGroups" in model) || !("schemas" in model)) {
    throw new TypeError("The text is not a code model: operationGroups or schemas is missing");
  }
  return model as CodeModel;
}
