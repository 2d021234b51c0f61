import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * A server action as these components call it (always without a previous state): any action whose result
 * carries at least `T` fits, so a page can pass an action that answers more than the component reads.
 */
export type CallAction<T> = (previous: null, input: unknown) => Promise<ActionResult<T>>;
