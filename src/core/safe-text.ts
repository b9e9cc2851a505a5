import { z } from "zod";

/**
 * Characters no user text needs and an attacker can use: C0/C1 controls other than tab and line
 * breaks (NUL ends strings in C code and breaks exports), bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069: "Trojan Source", file names that read backwards), interlinear
 * annotations and stray byte-order marks. Left-to-right and right-to-left *marks* stay: right-to-
 * left text needs them.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone UTF-16 surrogates (which no UTF-8 store can hold) become U+FFFD, as invalid UTF-8 bytes do. */
export function wellFormed(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD");
}

/** The one cleaning every stored user string goes through: linear, idempotent. */
export function cleanText(value: string): string {
  return wellFormed(value.replace(/\r\n?/g, "\n").replace(UNSAFE, ""));
}

/** A string schema that cleans first, then applies `inner` (trim, length, pattern …). */
export function safeString<T extends z.ZodType<string, string>>(inner: T) {
  return z.string().transform(cleanText).pipe(inner);
}

const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Only http(s) URLs are stored anywhere: no javascript:, data:, file: or relative links. */
export function isHttpUrl(value: string): boolean {
  if (!HTTP_URL.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export const httpUrl = (max = 500) =>
  safeString(
    z
      .string()
      .trim()
      .max(max, `URL must be at most ${max} characters`)
      .refine(isHttpUrl, "Enter a full http(s) URL, e.g. https://example.com"),
  );
