// Derive's pages work without JavaScript; this adds what needs it: a theme toggle remembered
// across pages, the sidebar folded on narrow screens, copy buttons on code, and search.
"use strict";

(function theme() {
  const order = ["auto", "light", "dark"];
  const root = document.documentElement;
  const stored = localStorage.getItem("derive-theme");
  if (order.includes(stored) && stored !== "auto") root.dataset.theme = stored;
  const button = document.querySelector(".theme-toggle");
  if (!button) return;
  const show = () => { button.textContent = "Theme: " + (root.dataset.theme || "auto"); };
  button.hidden = false;
  show();
  button.addEventListener("click", () => {
    const next = order[(order.indexOf(root.dataset.theme || "auto") + 1) % order.length];
    if (next === "auto") delete root.dataset.theme; else root.dataset.theme = next;
    localStorage.setItem("derive-theme", next);
    show();
  });
})();

(function sidebar() {
  const sidebar = document.querySelector("details.sidebar");
  if (sidebar && window.matchMedia("(max-width: 64rem)").matches) sidebar.open = false;
})();

(function copyButtons() {
  for (const button of document.querySelectorAll("figure.code button.copy")) {
    const code = button.parentElement.querySelector("pre code");
    if (!code || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      // The line numbers are drawn by CSS, so the text holds the code alone.
      const text = Array.from(code.querySelectorAll(".line"), (line) => line.textContent).join("\n") + "\n";
      await navigator.clipboard.writeText(text);
      button.textContent = "Copied";
      setTimeout(() => { button.textContent = "Copy"; }, 1500);
    });
  }
})();

(function search() {
  const form = document.querySelector("form.search");
  if (!form || typeof lunr === "undefined" || !window.deriveSearch) return;
  const input = form.querySelector("input[name=q]");
  const results = document.querySelector(".search-results");
  const say = (text, className) => {
    const item = document.createElement("li");
    item.className = className;
    item.textContent = text;
    results.replaceChildren(item);
  };
  // The index comes in shards (search-index-N.js), loaded as scripts so that search works from disk too.
  const files = window.deriveSearch.shards;
  const loading = files.map((file) => new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = file;
    script.onload = resolve;
    script.onerror = () => reject(new Error(file));
    document.body.append(script);
  }));
  let shards = null;
  const lookUp = (query) => {
    const hits = [];
    for (const shard of shards) {
      for (const hit of shard.index.search(query)) hits.push({ score: hit.score, found: shard.documents[hit.ref] });
    }
    return hits.sort((a, b) => b.score - a.score);  // stable: equal scores keep the shards' order
  };
  const run = () => {
    const query = input.value.trim();
    results.replaceChildren();
    if (!query) return;
    if (!shards) { say("Loading the index…", "search-loading"); return; }
    let hits = [];
    try {
      hits = lookUp(query);
    } catch (error) {
      hits = lookUp(query.replace(/[^\p{L}\p{N}\s]/gu, " "));
    }
    if (hits.length === 0) say("Nothing found.", "nothing-found");
    for (const { found } of hits.slice(0, 50)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = found.href;
      link.textContent = found.title;
      const where = document.createElement("span");
      where.className = "search-note";
      where.textContent = " — " + found.note;
      item.append(link, where);
      results.append(item);
    }
  };
  Promise.all(loading).then(() => {
    shards = files.map((file) => {
      const shard = window.deriveSearchShards[file];
      return { index: lunr.Index.load(shard.index), documents: shard.documents };
    });
    run();
  }, (error) => say("The search index could not be loaded (" + error.message + ").", "nothing-found"));
  form.querySelector("button[type=submit]").hidden = false;
  form.addEventListener("submit", (event) => { event.preventDefault(); history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); run(); });
  input.addEventListener("input", run);
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
