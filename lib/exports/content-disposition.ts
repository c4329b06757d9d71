// A download's file name in its Content-Disposition header. A name may hold
// Arabic or Sorani letters (an organisation's name), which a header's quoted
// `filename` cannot carry: RFC 6266 gives it as `filename*` in UTF-8 (RFC
// 8187's encoding) and an ASCII `filename` for readers that know no other.

// RFC 8187's attr-char, less what encodeURIComponent leaves alone but the header may not carry.
const encode = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The name in ASCII for an old reader: accents dropped ("Société" → "Societe"),
 * any other letters a hyphen, and a hyphen left beside a separator dropped
 * ("partner-مؤسسة_as-of" → "partner_as-of").
 */
export function asciiFileName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/-*([_.])-*/g, "$1")
    .replace(/^[-_]+/, "");
  // A name wholly in Arabic script leaves nothing before its extension.
  return ascii === "" || ascii.startsWith(".") ? `export${ascii}` : ascii;
}

/** `attachment` with the file's name: ASCII in `filename`, the name itself in `filename*`. */
export function attachment(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encode(name)}`;
}

/** The file name a Content-Disposition header gives: `filename*` when present (the name itself), else `filename`. */
export function fileNameOf(header: string | null | undefined): string | null {
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header ?? "")?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // a malformed encoding falls back to the plain name
    }
  }
  return /filename\s*=\s*"([^"]+)"/i.exec(header ?? "")?.[1] ?? null;
}
