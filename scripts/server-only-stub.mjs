// For scripts that run React outside the react-server condition (rendering a PDF needs the full React):
// `import "server-only"` then resolves to an empty module instead of throwing.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) { if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true }; return next(specifier, context); }',
    ),
);
