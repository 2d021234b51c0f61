import type { ActionResult } from "@/lib/actions/safe-action";

/** A server action as these components call it (see components/contracts/types.ts). */
export type CallAction<T> = (previous: null, input: unknown) => Promise<ActionResult<T>>;
