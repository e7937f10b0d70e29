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
("<ol>\n<li><a href=\"index.html\">Backpropagation, derived by hand</a></li>\n<li><a href=\"00-example.html\">One sigmoid neuron</a></li>\n<li><a href=\"00-notation.html\">The notation of the course</a></li>\n<li><a href=\"01-three-layer-binary-classifier.html\">A three-layer network for binary classification</a></li>\n<li><a href=\"02-two-layer-relu-batches.html\">A two-layer ReLU network: squared loss, softmax cross-entropy, and batches</a></li>\n<li><a href=\"03-sigmoid-layers-bias-updates.html\">Sigmoid layers, squared error, and bias updates</a></li>\n<li><a href=\"04-fashion-mnist-784-k-10.html\">A 784–K–10 network on Fashion-MNIST</a></li>\n<li><a href=\"05-softmax-cross-entropy-hidden-layers.html\">Softmax with cross-entropy, and hidden layers in general</a></li>\n</ol>\n");
