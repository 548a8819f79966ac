#!/usr/bin/env node
// Regenerates src/generated/ from swagger/ by running AutoRest on autorest.md.
//
//   node scripts/generate.js                              rewrites src/generated/
//   node scripts/generate.js --generated-root=<folder>    writes the clients below <folder> instead
//
// Other arguments pass through to AutoRest. The exit code is AutoRest's.
"use strict";

const { spawnSync } = require("node:child_process");
const path = require("node:path");

const repositoryRoot = path.resolve(__dirname, "..");
const autorestCli = require.resolve("autorest/entrypoints/app.js", { paths: [repositoryRoot] });

/** AutoRest needs absolute folders: resolve a relative --generated-root against the current folder. */
function normalize(argument) {
  const prefix = "--generated-root=";
  return argument.startsWith(prefix) ? prefix + path.resolve(argument.slice(prefix.length)) : argument;
}

const args = [
  autorestCli,
  "--version=3.10.9",
  path.join(repositoryRoot, "autorest.md"),
  ...process.argv.slice(2).map(normalize),
];
const result = spawnSync(process.execPath, args, { cwd: repositoryRoot, stdio: "inherit" });
if (result.error !== undefined) {
  console.error(`Could not run AutoRest: ${result.error.message}`);
}
process.exit(result.status ?? 1);
