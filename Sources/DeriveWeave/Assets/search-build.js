// Derive's search indexer: a long-lived process that indexes shards of a site's search index
// with lunr (Debian's libjs-lunr), one after another.
// Reads one JSON request per line on stdin, {"file": "search-index-N.js", "documents": [{id,
// title, note, href, text}, ...]}, and answers each with one line on stdout: the JavaScript the
// search page loads for the shard, window.deriveSearchShards[file] = {index, documents}.
// Run with the path of lunr.js as its argument. The heap is let grow by a fifth past what a shard
// leaves alive before V8 collects it, rather than the several times over V8 allows small heaps,
// so a process holds about one shard's worth at a time. (Collecting after every shard instead,
// under --expose-gc, threw away V8's optimized code with the shard's objects: about a third more
// processor time, spent compiling lunr again.)
// Required as a module, it runs nothing and gives `configure`, the index's fields and pipelines.
"use strict";

// The index's fields and pipelines, set on a lunr builder.
function configure(lunr, builder) {
  builder.ref("id");
  builder.field("title", { boost: 10 });
  builder.field("text");
  // Keep labels (eq-delta) and Swift names (neuronForward) whole as well as in parts.
  builder.pipeline.remove(lunr.stemmer);
  builder.searchPipeline.remove(lunr.stemmer);
}

// The terms lunr's own tokenizer and `pipeline` make of a field, as strings, each distinct word
// sent through the pipeline once (its functions look at nothing but the word). The builder is
// then given an empty pipeline: the index is the same, built in about half the time, since lunr
// no longer makes, trims and filters a token object for every word, nor turns each back into a
// string at every lookup. (The index keeps the search pipeline, which this leaves as it is.)
function termsOf(lunr, pipeline) {
  const made = new Map();
  return function (field) {
    if (field == null) return [];
    const terms = [];
    for (const word of field.toString().toLowerCase().split(lunr.tokenizer.separator)) {
      if (word.length === 0) continue;
      let term = made.get(word);
      if (term === undefined) made.set(word, (term = pipeline.runString(word)));
      for (const each of term) terms.push(each);
    }
    return terms;
  };
}

function shard(lunr, request) {
  const documents = request.documents;
  const index = lunr(function () {
    configure(lunr, this);
    this.tokenizer = termsOf(lunr, this.pipeline);
    this.pipeline = new lunr.Pipeline();
    for (const document of documents) this.add(document);
  });
  const byId = {};
  for (const document of documents) byId[document.id] = { title: document.title, note: document.note, href: document.href };
  const script = JSON.stringify({ index: index.toJSON(), documents: byId });
  return "(window.deriveSearchShards = window.deriveSearchShards || {})[" + JSON.stringify(request.file) + "] = " + script + ";";
}

if (require.main === module) {
  // An older node that lacks the flag says so on stderr and goes on with V8's default.
  require("v8").setFlagsFromString("--heap-growing-percent=20");
  const lunr = require(process.argv[2]);
  require("readline").createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
    process.stdout.write(shard(lunr, JSON.parse(line)) + "\n");
  });
}

module.exports = { configure };
