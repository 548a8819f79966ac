// Entry point of the AutoRest extension: registers the `rlc-emitter` plugin, which reads modelerfour's
// code model and writes the rest-level client's files to the output folder.
import path from "node:path";
import { codeModelSchema } from "@autorest/codemodel";
import type { CodeModel } from "@autorest/codemodel";
import { AutoRestExtension, startSession } from "@autorest/extension-base";
import { emitClient } from "./emitClient";
import { readEmitterOptions } from "./emitterOptions";

function inputNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((item): item is string => typeof item === "string")
    .map((item) => path.posix.basename(item.replace(/\\/g, "/")));
}

const extension = new AutoRestExtension();

extension.add("rlc-emitter", async (host) => {
  const session = await startSession<CodeModel>(host, codeModelSchema);
  const options = await readEmitterOptions((key) => host.getValue<unknown>(key));
  const files = await emitClient(
    session.model,
    options,
    inputNames(await host.getValue<unknown>("input-file")),
  );
  for (const [filename, content] of files) {
    host.writeFile({ filename, content });
  }
});

void extension.run();
