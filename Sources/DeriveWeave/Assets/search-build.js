// Derive's search indexer: a long-lived process that indexes shards of a site's search index
// with lunr (Debian's libjs-lunr), one after another.
// Reads one JSON request per line on stdin, {"file": "search-index-N.js", "documents": [{id,
// title, note, href, text}, ...]}, and answers each with one line on stdout: the JavaScript the
// search page loads for the shard, window.deriveSearchShards[file] = {index, documents}.
// Run with the path of lunr.js as its argument, under node's --expose-gc: the memory of a shard
// is then given back before the next one, so a process holds about one shard's worth at a time.
"use strict";

const lunr = require(process.argv[2]);
const readline = require("readline");

function shard(request) {
  const documents = request.documents;
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
  const script = JSON.stringify({ index: index.toJSON(), documents: byId });
  return "(window.deriveSearchShards = window.deriveSearchShards || {})[" + JSON.stringify(request.file) + "] = " + script + ";";
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  // Writes to a pipe are synchronous on Linux: the answer is out before the memory is collected.
  process.stdout.write(shard(JSON.parse(line)) + "\n");
  if (global.gc) global.gc();
});
