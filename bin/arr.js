#!/usr/bin/env node
// The `arr` command. It runs the compiled command line in dist/commonjs/, which `npm install` builds from
// src/ (the package's "prepare" script). From a clone without a build, run `npm run build` first.
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "commonjs", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "arr: the command line is not built yet (" +
      entry +
      " is missing).\n" +
      "Run `npm install` (which builds it) or `npm run build` in " +
      path.join(__dirname, "..") +
      ".\n",
  );
  process.exit(1);
}
require(entry).main();
