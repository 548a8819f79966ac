// swagger/README.md names the upstream source of each document (path, commit, git blob) as the
// reference folder's SOURCES.md lists it, and the wording of our documents is our own.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { isJsonObject, type Json } from "./specFacts";
import {
  readOurs,
  readUpstream,
  swaggerDir,
  swaggerPairs,
  upstreamSpecDir,
  upstreamUnavailableReason,
} from "./swaggerFiles";

const wordingKeywords: ReadonlySet<string> = new Set(["description", "summary", "title"]);

/** Every prose text (description, summary, title) of a document, with the JSON path where it stands. */
function proseTexts(value: Json, at = "$", found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, index) => proseTexts(item, `${at}[${index}]`, found));
  else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const here = `${at}.${key}`;
      if (wordingKeywords.has(key) && typeof child === "string") found.set(child, here);
      else proseTexts(child, here, found);
    }
  }
  return found;
}

/** The first table row of a Markdown document that mentions every needle, split into trimmed cells. */
function rowMentioning(markdown: string, ...needles: string[]): string[] | undefined {
  const row = markdown
    .split("\n")
    .find((line) => line.trim().startsWith("|") && needles.every((needle) => line.includes(needle)));
  return row
    ?.split("|")
    .slice(1, -1)
    .map((cell) => cell.trim().replace(/^`|`$/g, ""));
}

/** 40-hex-digit strings (commits and git blobs) of a table row. */
function hashes(cells: readonly string[]): string[] {
  return cells.filter((cell) => /^[0-9a-f]{40}$/.test(cell));
}

describe("swagger/ provenance and wording", () => {
  const readme = fs.readFileSync(path.join(swaggerDir, "README.md"), "utf8");

  it("names the upstream repository and, per document, its upstream path", () => {
    assert.match(readme, /github\.com\/Azure\/azure-rest-api-specs/);
    for (const pair of swaggerPairs) {
      const cells = rowMentioning(readme, `\`${pair.ours}\``, `\`${pair.upstream}\``);
      assert.ok(cells !== undefined, `swagger/README.md has no row naming ${pair.ours} and ${pair.upstream}`);
      assert.equal(hashes(cells).length, 2, `${pair.ours}: expected a commit and a git blob`);
    }
  });

  describe("compared with the reference folder", function () {
    before(function () {
      const reason = upstreamUnavailableReason();
      if (reason !== undefined) {
        console.log(`    skipped: ${reason}`);
        this.skip();
      }
    });

    it("gives the same commit and git blob as SOURCES.md for each document", () => {
      const sources = fs.readFileSync(path.join(upstreamSpecDir, "SOURCES.md"), "utf8");
      for (const pair of swaggerPairs) {
        const ours = rowMentioning(readme, `\`${pair.ours}\``, `\`${pair.upstream}\``) ?? [];
        const listed = rowMentioning(sources, `\`${pair.upstream}\``);
        assert.ok(listed !== undefined, `SOURCES.md does not list ${pair.upstream}`);
        assert.deepEqual(hashes(ours), hashes(listed), `${pair.ours}: commit / git blob`);
      }
    });

    it("words every description and summary itself (only the info title is upstream's)", () => {
      for (const pair of swaggerPairs) {
        const upstream = proseTexts(readUpstream(pair));
        const copied = [...proseTexts(readOurs(pair))]
          .filter(([text, at]) => upstream.has(text) && at !== "$.info.title")
          .map(([text, at]) => `${at}: ${text}`);
        assert.deepEqual(copied, [], `${pair.ours} repeats upstream's wording`);
      }
    });
  });
});
