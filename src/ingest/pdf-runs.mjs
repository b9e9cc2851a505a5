// pdf.js text items → runs: normalised text, a box in top-down page coordinates, the size and
// whether the font is bold. Plain JavaScript (the extraction worker loads it without a TypeScript
// loader); pdf-layout.mjs builds rows, cells and reading order from these runs.

/** Symbol / Wingdings bullets live in the private-use area (U+F0B7 is Symbol's "•"). */
const PUA_BULLETS = new Set([0xf0b7, 0xf0a7, 0xf076, 0xf0d8, 0xf0fc, 0xf0a8, 0xf06e, 0xf0e8, 0xf0d7, 0xf0be, 0xf02d, 0xf0b2, 0xf09f, 0xf0a1, 0xf075, 0xf06c]);
const BULLET_CHARS = "•·●▪◦■□►▸‣⁃∙○◆◇✓✔➢➤";
/** Single glyphs an icon font may carry that are real text: separators and bullets. */
const KEEP_SINGLE = /^[|/&,.;:()+\-–—•·●▪◦■►▸‣∙○◆◇➢➤*]$/u;

/**
 * Text of one item, normalised: NFKC (ligatures ﬁ → fi, full-width forms), private-use bullets to
 * "•", other private-use glyphs (icon fonts) dropped, a soft hyphen standing alone or between
 * spaces read as the dash it was drawn as ("Sep. 2023 \u00ad Mar. 2024"), any other one removed,
 * zero-width characters and controls removed.
 */
export function normaliseItemText(raw) {
  let s = "";
  for (const ch of raw) {
    const cp = ch.codePointAt(0);
    if (PUA_BULLETS.has(cp)) s += "•";
    else if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) continue;
    else if (cp >= 0xd800 && cp <= 0xdfff) continue;
    else s += ch;
  }
  s = s.normalize("NFKC");
  if (/^\s*\u00ad+\s*$/.test(s)) return s.replace(/\u00ad+/, "–");
  return s
    .replace(/(^|\s)\u00ad+(?=\s|$)/g, "$1–")
    .replace(/\u00ad/g, "")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/\u00a0/g, " ");
}

/** Fonts whose every visible item is one glyph: icon fonts (FontAwesome, academicons) in PDFs. */
function iconFonts(items) {
  const stats = new Map();
  for (const it of items) {
    const t = (it.str ?? "").trim();
    if (!t) continue;
    const s = stats.get(it.fontName) ?? { single: 0, other: 0 };
    if ([...t].length === 1) s.single++;
    else s.other++;
    stats.set(it.fontName, s);
  }
  return new Set([...stats].filter(([, s]) => s.other === 0 && s.single > 0).map(([f]) => f));
}

/**
 * Bold, black, heavy, semibold and demi faces by their PostScript name ("ABCDEF+Calibri-Bold",
 * "Arial,Bold", "OpenSans_700wght" from Chromium's variable fonts, LaTeX's "CMBX10" / "SFBX1200"
 * bold-extended), or pdf.js's own bold flag. Medium and regular weights are not bold.
 */
const BOLD_NAME_RE = /bold|black|heavy|demi|_[6-9]00wght|^(?:cmbx|sfbx|cmb\d|ecbx)/i;

/**
 * Whether a text style is a bold face. `style` is pdf.js's `textContent.styles[fontName]`;
 * `fontName`, `bold` and `black` are there only with patches/pdfjs-dist+*.patch (pdf.js gives an
 * opaque font id and a generic family otherwise): without the patch nothing is bold, as before.
 */
export function isBoldFont(style) {
  if (!style) return false;
  if (style.bold || style.black) return true;
  const name = typeof style.fontName === "string" ? style.fontName.replace(/^[A-Z]{6}\+/, "") : "";
  return BOLD_NAME_RE.test(name);
}

/** Items → runs with boxes in top-down page coordinates; `styles` (pdf.js's) give each run's boldness. */
export function toRuns(items, pageHeight, styles = {}) {
  const icons = iconFonts(items);
  const bold = new Map();
  const runs = [];
  for (const it of items) {
    if (typeof it.str !== "string" || !it.str.trim()) continue;
    const [a, b, c, d, tx, ty] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || it.height || 10;
    // Rotated text (a vertical label along the margin) is not part of the reading flow.
    if (Math.abs(b) > 0.1 * Math.abs(a) && Math.abs(a) > 0) continue;
    let text = normaliseItemText(it.str);
    if (icons.has(it.fontName)) {
      const t = text.trim();
      if (!KEEP_SINGLE.test(t)) continue;
      text = BULLET_CHARS.includes(t) ? "•" : t;
    }
    if (!text.trim()) continue;
    const chars = [...it.str].length || 1;
    const per = (it.width || 0) / chars;
    const lead = it.str.length - it.str.trimStart().length;
    const trail = it.str.length - it.str.trimEnd().length;
    const x0 = tx + lead * per;
    const x1 = tx + Math.max(per, (it.width || size * 0.5 * chars) - trail * per);
    const font = it.fontName ?? "";
    if (!bold.has(font)) bold.set(font, isBoldFont(styles[font]));
    runs.push({ text: text.trim(), x0, x1, y: pageHeight - ty, size, font, bold: bold.get(font) });
  }
  return runs;
}

