// The WCAG 2 contrast of every visible text of a page against its effective background, and of
// the borders of its controls; scripts/test-site-in-browser runs it in Chromium on each theme.
() => {
  // WCAG 2 contrast of every visible text on the page against its effective background.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  const parse = (colour) => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = "#000";
    context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const background = (element) => {
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) layers.push(colour);
      if (colour[3] >= 1) break;
    }
    let result = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const isLarge = (style) => {
    const size = parseFloat(style.fontSize), weight = parseInt(style.fontWeight, 10) || 400;
    return size >= 24 || (size >= 18.66 && weight >= 700);
  };
  const visible = (element) => {
    if (element.closest(".katex-mathml, [hidden], .skip-link")) return false;
    const style = getComputedStyle(element);
    if (style.visibility !== "visible" || style.display === "none" || parseFloat(style.opacity) === 0) return false;
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.height > 1 && !element.closest("details:not([open]) > :not(summary)");
  };
  const describe = (element) => element.tagName.toLowerCase() + (element.className && typeof element.className === "string" ? "." + element.className.trim().split(/\s+/).join(".") : "");
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement;
    if (!text.textContent.trim() || seen.has(element) || !visible(element)) continue;
    seen.add(element);
    const style = getComputedStyle(element);
    const bg = background(element);
    const fg = over(parse(style.color), bg);
    found.push({ kind: "text", ratio: ratio(fg, bg), required: isLarge(style) ? 3 : 4.5, what: describe(element), text: text.textContent.trim().slice(0, 30) });
  }
  // Drawn text the walker cannot see: the code's line numbers (::before), and the borders of controls (3:1).
  const line = document.querySelector("figure.code .line");
  if (line && visible(line)) {
    const style = getComputedStyle(line, "::before"), bg = background(line);
    found.push({ kind: "text", ratio: ratio(over(parse(style.color), bg), bg), required: 4.5, what: "line number (::before)", text: line.dataset.line });
  }
  for (const control of document.querySelectorAll("button, input, summary")) {
    if (!visible(control)) continue;
    const style = getComputedStyle(control);
    if (parseFloat(style.borderTopWidth) < 1) continue;
    const bg = background(control.parentElement || control);
    found.push({ kind: "control", ratio: ratio(over(parse(style.borderTopColor), bg), bg), required: 3, what: describe(control) + " border", text: control.textContent.trim().slice(0, 30) });
  }
  return found;
}
