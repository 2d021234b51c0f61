// The production server (`npm start`): Next's own request handler behind a plain Node HTTP server that
// records each connection's address in a header the app reads (lib/auth/client-address.ts), replacing any
// value a client sent. Next alone cannot tell the connection's address from an X-Forwarded-For header the
// client wrote itself, and the sign-in and sign-up throttles must not be talked around that way.
// Usage: node scripts/server.mjs [-p 3000] [-H 0.0.0.0]
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const PEER_HEADER = "x-portal-peer-address";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
