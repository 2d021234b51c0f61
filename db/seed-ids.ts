import { createHash } from "node:crypto";

/** A stable UUID derived from a name, so that running the seed again finds the same rows (and tests can name them). */
export function seedId(name: string): string {
  const h = createHash("sha1").update(`agency-portal-demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
