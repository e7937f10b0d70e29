// Fills a page's sidebar with every note of the course, as the page is read. Derive writes the
// site's toc.js as this function called on the course's sidebar (the `sidebar` template, its
// links from the site's root), so that the list is written once, not once on every page. The
// page names its root and its own address on the sidebar's <nav>; its own entry, with its
// headings, is already in the page (and is all a reader without JavaScript sees, with a link
// to the course's contents).
(function fillSidebar(html) {
  "use strict";
  const nav = document.querySelector(".sidebar nav[data-page]");
  const own = nav && nav.querySelector("ol.sidebar-own");
  if (!own) return;
  const root = nav.dataset.root || "", page = nav.dataset.page;
  const course = document.createElement("template");
  course.innerHTML = html;
  for (const link of course.content.querySelectorAll("a[href]")) {
    const item = link.closest("li");
    if (link.getAttribute("href") === page && own.firstElementChild && item) item.replaceWith(own.firstElementChild);
    else link.setAttribute("href", root + link.getAttribute("href"));
  }
  own.replaceWith(course.content);
})
