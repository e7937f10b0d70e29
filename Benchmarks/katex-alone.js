// The benchmark's KaTeX baseline: every math span of the given notes rendered, in the order they
// occur, by one node process, with the output Derive asks for (HTML and MathML), and no cache:
// what a site generator that renders math at build time one formula after another would pay.
//
//     NODE_PATH=/usr/share/nodejs node Benchmarks/katex-alone.js Notes/*.md
//
// Math is found the way the generated courses write it: `$$...$$` and `$...$` (either may cross a
// line, not a paragraph), outside fenced code blocks and code spans. It prints how many spans it
// rendered and how many were distinct; a span KaTeX rejects is an error (exit 1), as in a note.
"use strict";

const fs = require("fs");
const katex = require("katex");

function mathSpans(markdown) {
    const prose = markdown
        .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
        .replace(/`[^`\n]*`/g, "");
    const spans = [];
    for (const match of prose.matchAll(/\$\$([\s\S]+?)\$\$|\$((?:[^$\n]|\n(?![ \t]*\n))+?)\$/g)) {
        spans.push(match[1] !== undefined ? { tex: match[1], display: true } : { tex: match[2], display: false });
    }
    return spans;
}

let rendered = 0;
const distinct = new Set();
for (const path of process.argv.slice(2)) {
    for (const span of mathSpans(fs.readFileSync(path, "utf8"))) {
        katex.renderToString(span.tex, { displayMode: span.display, throwOnError: true, output: "htmlAndMathml" });
        rendered += 1;
        distinct.add((span.display ? "$$" : "$") + span.tex);
    }
}
console.log(`${rendered} math spans rendered, ${distinct.size} distinct`);
