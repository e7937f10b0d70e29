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
  const index = lunr.Index.load(window.deriveSearch.index);
  const documents = window.deriveSearch.documents;
  const input = form.querySelector("input[name=q]");
  const results = document.querySelector(".search-results");
  const run = () => {
    const query = input.value.trim();
    results.replaceChildren();
    if (!query) return;
    let hits = [];
    try {
      hits = index.search(query);
    } catch (error) {
      hits = index.search(query.replace(/[^\p{L}\p{N}\s]/gu, " "));
    }
    if (hits.length === 0) {
      const none = document.createElement("li");
      none.className = "nothing-found";
      none.textContent = "Nothing found.";
      results.append(none);
    }
    for (const hit of hits.slice(0, 50)) {
      const found = documents[hit.ref];
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
  form.querySelector("button[type=submit]").hidden = false;
  form.addEventListener("submit", (event) => { event.preventDefault(); history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); run(); });
  input.addEventListener("input", run);
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
