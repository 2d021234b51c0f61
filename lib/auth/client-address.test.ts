import { describe, expect, it } from "vitest";
import { clientAddressFrom, PEER_HEADER } from "./client-address";

const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer ? { [PEER_HEADER]: peer } : {}),
    ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
  });

describe("the client's address", () => {
  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom(request("198.51.100.9"), 0)).toBe("198.51.100.9");
    expect(clientAddressFrom(request("198.51.100.9", "203.0.113.7"), 0)).toBe("198.51.100.9");
    expect(clientAddressFrom(request("198.51.100.9", "203.0.113.7, 192.0.2.1"), 0)).toBe("198.51.100.9");
  });

  it("behind one trusted proxy, is what that proxy appended — never what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 203.0.113.7"; the proxy (10.0.0.2) appended the real 198.51.100.9.
    expect(clientAddressFrom(request("10.0.0.2", "203.0.113.7, 198.51.100.9"), 1)).toBe("198.51.100.9");
    expect(clientAddressFrom(request("10.0.0.2", "198.51.100.9"), 1)).toBe("198.51.100.9");
  });

  it("behind two trusted proxies, is two hops back", () => {
    expect(clientAddressFrom(request("10.0.0.3", "203.0.113.7, 198.51.100.9, 10.0.0.2"), 2)).toBe("198.51.100.9");
  });

  it("with fewer entries than trusted hops, is the leftmost known one", () => {
    expect(clientAddressFrom(request("10.0.0.2"), 2)).toBe("10.0.0.2");
  });

  it("is unknown without the app server's peer header (it cannot be told from what a client sent)", () => {
    expect(clientAddressFrom(request(null, "203.0.113.7"), 0)).toBeNull();
    expect(clientAddressFrom(request(null, "203.0.113.7"), 1)).toBeNull();
  });
});
