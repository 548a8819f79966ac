// The CommonJS build's packageRequire (see packageRequire.ts): this module's own `require`.
export const packageRequire: NodeJS.Require = require;
