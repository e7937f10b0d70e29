// One shard of Derive's search index, built with lunr (Debian's libjs-lunr).
// Reads a JSON array of documents {id, title, note, href, text} on stdin; writes on stdout the
// JavaScript the search page loads for the shard: window.deriveSearchShards[file] = {index, documents}.
// Run with the path of lunr.js and the shard's file name as arguments.
"use strict";

const lunr = require(process.argv[2]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const documents = JSON.parse(input);
  const index = lunr(function () {
    this.ref("id");
    this.field("title", { boost: 10 });
    this.field("text");
    // Keep labels (eq-delta) and Swift names (neuronForward) whole as well as in parts.
    this.pipeline.remove(lunr.stemmer);
    this.searchPipeline.remove(lunr.stemmer);
    for (const document of documents) this.add(document);
  });
  const byId = {};
  for (const document of documents) byId[document.id] = { title: document.title, note: document.note, href: document.href };
  const shard = JSON.stringify({ index: index.toJSON(), documents: byId });
  process.stdout.write("(window.deriveSearchShards = window.deriveSearchShards || {})[" + JSON.stringify(process.argv[3]) + "] = " + shard + ";\n");
});
