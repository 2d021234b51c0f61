import { vi } from "vitest";

// Server actions call revalidatePath after a write; outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  unstable_noStore: vi.fn(),
}));
