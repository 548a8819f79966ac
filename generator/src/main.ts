// Entry point of the AutoRest extension: registers the `rlc-emitter` plugin, which reads modelerfour's
// code model and writes the rest-level client's files to the output folder.
import path from "node:path";
import { AutoRestExtension } from "@autorest/extension-base";
import { emitClient } from "./emitClient";
import { readEmitterOptions } from "./emitterOptions";
import { codeModelInputName, loadCodeModel } from "./loadCodeModel";

/** The base names of the input files, for the header of the emitted files. */
function inputNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((item): item is string => typeof item === "string")
    .map((item) => path.posix.basename(item.replace(/\\/g, "/")));
}

const extension = new AutoRestExtension();

extension.add("rlc-emitter", async (host) => {
  const codeModel = loadCodeModel(await host.readFile(codeModelInputName(await host.listInputs())));
  const options = await readEmitterOptions((key) => host.getValue<unknown>(key));
  const files = await emitClient(codeModel, options, inputNames(await host.getValue<unknown>("input-file")));
  for (const [filename, content] of files) {
    host.writeFile({ filename, content });
  }
});

void extension.run();
