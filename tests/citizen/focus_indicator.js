// The focus ring of the focused element, for the keyboard test (tests/citizen/test_accessibility.py).
// Returns the best contrast (WCAG formula) between an outline of at least 2 px and what is
// behind it, looking at the element and, for a radio button, at the label that draws it.
() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const parse = (value) => {
    const match = /rgba?\(([^)]+)\)/.exec(value);
    if (!match) { return null; }
    const parts = match[1].split(",").map(Number.parseFloat);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const luminance = ({r, g, b}) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
  };
  const backdrop = (node) => {
    for (let n = node; n; n = n.parentElement) {
      const color = parse(getComputedStyle(n).backgroundColor);
      if (color && color.a > 0) { return color; }
    }
    return {r: 255, g: 255, b: 255, a: 1};
  };
  // A radio button is drawn by its label (Det Fælles Designsystem), so its ring is there.
  const candidates = [[el, null]];
  if (el.labels && el.labels.length) { candidates.push([el.labels[0], null], [el.labels[0], "::before"]); }
  let best = 0;
  for (const [node, pseudo] of candidates) {
    const style = getComputedStyle(node, pseudo);
    const color = parse(style.outlineColor);
    if (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2 && color && color.a > 0) {
      best = Math.max(best, contrast(color, backdrop(node.parentElement || node)));
    }
  }
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || "").trim().slice(0, 40),
    contrast: Math.round(best * 10) / 10,
    hidden: el.type !== "radio" && (rect.width === 0 || rect.height === 0),
  };
}
