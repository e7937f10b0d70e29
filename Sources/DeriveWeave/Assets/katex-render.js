// Derive's math renderer: one long-lived process per site build.
// Reads one JSON request per line on stdin, {"tex": "...", "display": true|false}, and answers
// each with one JSON line on stdout: {"html": "...", "warnings": [...]} or {"error": "..."}.
// Run with NODE_PATH naming the folder that holds the `katex` module (Debian: /usr/share/nodejs).
// The first argument, if any, is a JSON object of the course's macros ({"\\R": "\\mathbb{R}"}).
"use strict";

const katex = require("katex");
const readline = require("readline");
const macros = JSON.parse(process.argv[2] || "{}");

function describe(error) {
    const text = String(error && error.message ? error.message : error);
    const message = text.replace(/^KaTeX parse error: /, "");
    const position = error && typeof error.position === "number" ? error.position : undefined;
    const cut = message.search(/ at (position \d+|end of input): /);
    const reason = cut >= 0 ? message.slice(0, cut) : message;
    return position === undefined ? reason : `${reason} (at character ${position + 1} of the TeX)`;
}

function render(request) {
    const warnings = [];
    const html = katex.renderToString(String(request.tex), {
        displayMode: Boolean(request.display),
        throwOnError: true,
        // Commands that need trust (\href, \url, \includegraphics, \htmlClass...) are errors
        // in a note, never silently rendered as red text.
        trust: (context) => {
            throw new Error(`${context.command} is not allowed in a note's math`);
        },
        output: "htmlAndMathml",
        // Bounds, so that no formula can blow up the renderer or the page: at most 1000 macro
        // expansions (a macro bomb is an error), and no rule or space wider than 50em.
        maxExpand: 1000,
        maxSize: 50,
        // A fresh copy per formula: a \gdef in one formula never leaks into the next.
        macros: Object.assign({}, macros),
        strict: (code, message) => {
            warnings.push(message);
            return "ignore";
        },
    });
    return { html, warnings };
}

readline.createInterface({ input: process.stdin, terminal: false }).on("line", (line) => {
    let reply;
    try {
        reply = render(JSON.parse(line));
    } catch (error) {
        reply = { error: describe(error) };
    }
    process.stdout.write(JSON.stringify(reply) + "\n");
});
