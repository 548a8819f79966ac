// The REST API versions this package speaks, taken from the generated clients: the spec's version
// is written once, by the generator, into each client's factory. The public client, the token
// exchange, the CLI and the emulator read it from here, so a regenerated spec with a new version
// reaches every layer with no handwritten edit.
export { defaultApiVersion as remoteRenderingApiVersion } from "../generated/remoteRendering/index.js";
export { defaultApiVersion as stsApiVersion } from "../generated/sts/index.js";
