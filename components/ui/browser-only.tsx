"use client";

import { type ReactNode, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * `children` in the browser only, once the page has hydrated; the server (and the hydrating render) show
 * `fallback`. For the charts: they size themselves to their container, which the server has not got, so their
 * server render is markup nobody sees and time every request pays.
 */
export function BrowserOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? children : fallback;
}
