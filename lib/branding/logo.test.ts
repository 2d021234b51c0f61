import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES, parseHexColor } from "./logo";

const PNG_1x1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);
const enc = (s: string) => new TextEncoder().encode(s);
const svg = (inner: string, attrs = "") =>
  enc(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attrs}>${inner}</svg>`);

describe("checkLogo", () => {
  it("accepts a PNG by its bytes and a plain SVG", () => {
    expect(checkLogo(PNG_1x1)).toEqual({ ok: true, contentType: "image/png" });
    const ok = `<?xml version="1.0" encoding="UTF-8"?>
<!-- logo -->
<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
  <title>Sakura &amp; Co.</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#f0a"/></linearGradient></defs>
  <g fill="url(#g)" transform="translate(1 1)"><rect x="0" y="0" width="10" height="10" rx="2"/>
  <path d="M0 0L10 10Z" stroke="#333"/><text x="20" y="20" font-size="12">さくら</text></g>
</svg>
`;
    expect(checkLogo(enc(ok))).toEqual({ ok: true, contentType: "image/svg+xml" });
  });

  it("refuses what is neither, or too big, or empty", () => {
    expect(checkLogo(new Uint8Array())).toMatchObject({ code: "empty" });
    expect(checkLogo(enc("GIF89a...."))).toMatchObject({ code: "unsupported_type" });
    expect(checkLogo(enc("<html><svg></svg></html>"))).toMatchObject({ code: "unsupported_type" });
    expect(checkLogo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ code: "unsupported_type" });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_1x1);
    expect(checkLogo(big)).toMatchObject({ code: "too_large" });
    expect(checkLogo(PNG_1x1.slice(0, 40))).toMatchObject({ code: "invalid_png" });
  });

  it("refuses scripts, handlers, foreign objects, styles, entities and external references in an SVG", () => {
    const unsafe = [
      svg("<script>alert(1)</script>"),
      svg('<rect width="1" height="1" onload="alert(1)"/>'),
      svg("<foreignObject><div>x</div></foreignObject>"),
      svg("<style>rect{fill:url(https://evil.example/x)}</style>"),
      svg('<image href="https://evil.example/a.png"/>'),
      svg('<use href="#a"/>'),
      svg('<a href="javascript:alert(1)"><rect/></a>'),
      svg('<rect fill="url(https://evil.example/#x)"/>'),
      svg('<rect style="fill:red"/>'),
      svg('<rect xlink:href="#x"/>'),
      enc('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      svg("<![CDATA[<script>alert(1)</script>]]>"),
      svg("", ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
      enc('<svg xmlns="http://evil.example/ns"></svg>'),
      svg("<title>&xxe;</title>"),
    ];
    for (const bytes of unsafe) expect(checkLogo(bytes), new TextDecoder().decode(bytes)).toMatchObject({ ok: false });
    expect(checkLogo(svg("<script>alert(1)</script>"))).toMatchObject({ code: "unsafe_svg", detail: "<script>" });
  });

  it("refuses malformed markup", () => {
    for (const s of [
      "<svg>",
      '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"></svg><svg></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg">text</svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" width=10></svg>',
    ])
      expect(checkLogo(enc(s)), s).toMatchObject({ ok: false });
  });
});

describe("parseHexColor", () => {
  it("normalises #rgb and #rrggbb, refuses anything else", () => {
    expect(parseHexColor("#1E40AF")).toBe("#1e40af");
    expect(parseHexColor("1e40af")).toBe("#1e40af");
    expect(parseHexColor("＃14a")).toBe("#1144aa");
    for (const bad of ["", "red", "#12345", "#1234567", "rgb(0,0,0)", "#ggg", "#1e40af;x"])
      expect(parseHexColor(bad), bad).toBeNull();
  });
});
