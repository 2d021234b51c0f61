"use client";

import type { FieldErrors } from "@/lib/actions/input";
import type { ServerAction } from "@/lib/actions/safe-action";
import type { GridLine } from "@/lib/economics/view";
import type { Scenario } from "@/lib/options";

/** What the grid's row buttons call; the page passes the route's server actions down. */
export type PlGridActions = {
  updateLine: ServerAction<{ id: string; version: number }>;
  copyBase: ServerAction<{ copied: number }>;
  deleteLine: ServerAction<{ deleted: number }>;
};

/**
 * One grid row's editing state, given to every cell its column definitions render: the inputs are saved
 * together with `save` (they are collected from the row), show its field errors and point at its error line.
 */
export type RowEdit = {
  line: GridLine;
  scenario: Scenario;
  clientId: string;
  canEdit: boolean;
  errorId: string;
  fieldErrors: FieldErrors;
  version: number | undefined;
  pending: boolean;
  busy: boolean;
  save: () => void;
  run: (work: () => Promise<string | null>) => void;
  actions: PlGridActions;
  /** This page's address with the line selected (shown in the panel below the grid). */
  lineHref: (key: string) => string;
};
