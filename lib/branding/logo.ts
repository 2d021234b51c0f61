// The agency's logo as uploaded (issue 11, branding): a PNG or an SVG of at most 200 KB, recognised by its
// bytes, never by its name or the browser's claimed type. An SVG is accepted only when every element and
// attribute is on a short allow-list of drawing primitives: no scripts, no event handlers, no foreign
// objects, no styles sheets, no entities, no references outside the file. Refused rather than cleaned, so
// what is stored is exactly what was checked. Pure: no database, no React.

export const MAX_LOGO_BYTES = 200 * 1024;
/** Larger than any logo needs; keeps a decompression bomb of a PNG header out. */
const MAX_PNG_SIDE = 4096;

export type LogoType = "image/png" | "image/svg+xml";
export type LogoError = "empty" | "too_large" | "unsupported_type" | "invalid_png" | "unsafe_svg" | "invalid_svg";
export type LogoCheck = { ok: true; contentType: LogoType } | { ok: false; code: LogoError; detail?: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, code: "too_large" };
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return checkPng(bytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, code: "unsupported_type" };
  }
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (!/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/.test(body)) return { ok: false, code: "unsupported_type" };
  const svg = checkSvg(body);
  return svg.ok ? { ok: true, contentType: "image/svg+xml" } : svg;
}

/** The signature, an IHDR chunk first with a sane size, and an IEND chunk last. */
function checkPng(bytes: Uint8Array): LogoCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 8 + 25 + 12) return { ok: false, code: "invalid_png" };
  if (view.getUint32(8) !== 13 || ascii(12) !== "IHDR") return { ok: false, code: "invalid_png" };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE)
    return { ok: false, code: "invalid_png" };
  if (ascii(bytes.length - 8) !== "IEND") return { ok: false, code: "invalid_png" };
  return { ok: true, contentType: "image/png" };
}

// ─── SVG ──────────────────────────────────────────────────────────────────────────────────────────────

const ELEMENTS = new Set([
  "svg",
  "g",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "title",
  "desc",
  "defs",
  "lineargradient",
  "radialgradient",
  "stop",
  "clippath",
]);

const ATTRIBUTES = new Set([
  "xmlns",
  "version",
  "id",
  "class",
  "viewbox",
  "width",
  "height",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "d",
  "points",
  "transform",
  "fill",
  "fill-rule",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-opacity",
  "opacity",
  "clip-path",
  "clip-rule",
  "clippathunits",
  "preserveaspectratio",
  "offset",
  "stop-color",
  "stop-opacity",
  "gradientunits",
  "gradienttransform",
  "fx",
  "fy",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "dx",
  "dy",
  "xml:space",
  "aria-label",
  "role",
]);

/** Elements whose text content is shown (elsewhere only white space may stand between tags). */
const TEXT_ELEMENTS = new Set(["text", "tspan", "title", "desc"]);

/** A value may point inside the file (`url(#id)`) and nowhere else. */
function unsafeValue(name: string, value: string): boolean {
  const v = value.toLowerCase().replace(/\s+/g, "");
  if (name === "xmlns") return v !== "http://www.w3.org/2000/svg";
  if (/&|\\|javascript:|data:|expression\(|@import/.test(v)) return true;
  for (const m of v.matchAll(/url\(([^)]*)\)/g)) if (!/^['"]?#[\w-]+['"]?$/.test(m[1] ?? "")) return true;
  return false;
}

/** Walks the markup tag by tag; the first thing off the allow-list refuses the file, with what it was. */
export function checkSvg(text: string): LogoCheck {
  const refuse = (detail: string): LogoCheck => ({ ok: false, code: "unsafe_svg", detail });
  const invalid = (detail: string): LogoCheck => ({ ok: false, code: "invalid_svg", detail });
  const stack: string[] = [];
  let i = 0;
  let sawRoot = false;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const between = text.slice(i, lt === -1 ? text.length : lt);
    if (between.trim() !== "") {
      const parent = stack.at(-1);
      if (!parent || !TEXT_ELEMENTS.has(parent)) return invalid("text outside an element");
      if (/&(?!(amp|lt|gt|quot|apos|#\d{1,6}|#x[0-9a-f]{1,6});)/i.test(between)) return refuse("entity");
    }
    if (lt === -1) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      if (end === -1) return invalid("unclosed comment");
      i = end + 3;
      continue;
    }
    if (text.startsWith("<?xml", lt) && !sawRoot) {
      const end = text.indexOf("?>", lt);
      if (end === -1) return invalid("unclosed declaration");
      i = end + 2;
      continue;
    }
    if (text[lt + 1] === "!" || text[lt + 1] === "?") return refuse(text.slice(lt, lt + 12));
    const closing = text[lt + 1] === "/";
    const nameMatch = /^[A-Za-z][\w:.-]*/.exec(text.slice(lt + (closing ? 2 : 1)));
    if (!nameMatch) return invalid("bad tag");
    const name = nameMatch[0].toLowerCase();
    let at = lt + (closing ? 2 : 1) + nameMatch[0].length;
    if (closing) {
      const end = text.indexOf(">", at);
      if (end === -1 || text.slice(at, end).trim() !== "") return invalid("bad closing tag");
      if (stack.pop() !== name) return invalid(`mismatched </${name}>`);
      i = end + 1;
      if (stack.length === 0) {
        if (
          text
            .slice(i)
            .replace(/<!--[\s\S]*?-->/g, "")
            .trim() !== ""
        )
          return invalid("content after </svg>");
        return { ok: true, contentType: "image/svg+xml" };
      }
      continue;
    }
    if (!ELEMENTS.has(name)) return refuse(`<${name}>`);
    if (!sawRoot && name !== "svg") return invalid("not an svg");
    if (sawRoot && stack.length === 0) return invalid("two roots");
    sawRoot = true;
    // Attributes: name="value" or name='value', until > or />.
    let selfClosing = false;
    for (;;) {
      const rest = text.slice(at);
      const ws = /^\s*/.exec(rest)?.[0].length ?? 0;
      at += ws;
      if (text.startsWith("/>", at)) {
        selfClosing = true;
        at += 2;
        break;
      }
      if (text[at] === ">") {
        at += 1;
        break;
      }
      const attr = /^([A-Za-z_:][\w:.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(text.slice(at));
      if (!attr || ws === 0) return invalid(`bad attribute in <${name}>`);
      const attrName = (attr[1] ?? "").toLowerCase();
      const value = attr[3] ?? attr[4] ?? "";
      if (!ATTRIBUTES.has(attrName)) return refuse(`${attrName}=`);
      if (unsafeValue(attrName, value)) return refuse(`${attrName}="${value.slice(0, 40)}"`);
      at += attr[0].length;
    }
    if (!selfClosing) stack.push(name);
    else if (stack.length === 0)
      return at >= text.trimEnd().length ? { ok: true, contentType: "image/svg+xml" } : invalid("content after <svg/>");
    i = at;
  }
  return invalid("unclosed <svg>");
}

// ─── Colour ───────────────────────────────────────────────────────────────────────────────────────────

/** "#1E40AF", "1e40af", "#14a" → "#1e40af"; anything else null. */
export function parseHexColor(raw: string): string | null {
  const s = raw.normalize("NFKC").trim().toLowerCase().replace(/^#/, "");
  if (/^[0-9a-f]{6}$/.test(s)) return `#${s}`;
  if (/^[0-9a-f]{3}$/.test(s)) return `#${[...s].map((c) => c + c).join("")}`;
  return null;
}

/** Hex SHA-256 of the bytes (Web Crypto: the same on the server and in tests). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
