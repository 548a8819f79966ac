// A `require` that resolves modules from this package's own location, for the ESM build (the
// CommonJS build uses packageRequire-cjs.cts instead: tshy's dialect switching). Azurite is found
// next to this package wherever the app runs from, not in the current folder.
import { createRequire } from "node:module";

// import.meta is an error only where this file is checked as CommonJS (npm run typecheck), not in the
// ESM build, so @ts-expect-error would fail one of the two.
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
//@ts-ignore
export const packageRequire: NodeJS.Require = createRequire(import.meta.url);
