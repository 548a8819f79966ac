// `npm run docs` builds the reference with typedoc (into .tmp/docs); here it is validated without
// writing, with warnings (a broken link, an unexported type in the public API) counted as errors.
import assert from "node:assert/strict";
import path from "node:path";
import { repositoryRoot, runProcess } from "./support/packedPackage";

describe("typedoc (npm run docs)", function () {
  this.timeout(120_000);
  it("documents the public entries without warnings", async () => {
    const typedoc = path.join(repositoryRoot, "node_modules", ".bin", "typedoc");
    const result = await runProcess(typedoc, ["--emit", "none", "--treatWarningsAsErrors"], {
      cwd: repositoryRoot,
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });
});
