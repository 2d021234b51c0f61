"use client";

import { useRouter } from "next/navigation";
import { type MouseEvent, useMemo } from "react";

/**
 * Client-side navigation for the plain links inside a large list, by one pair of handlers on the list instead of
 * a `<Link>` per row: a page of 25 rows would otherwise render 25 Link components (each with its own router hooks
 * and viewport prefetch) on every request. A plain click on a same-site link navigates like a Link; a click with
 * a modifier key or another button, or on a link with a target or a download, is left to the browser (a new
 * tab, a download). The page behind a link is prefetched when the pointer or focus reaches it, as a Link does on
 * hover. Without JavaScript the links are ordinary links.
 */
export function useSoftLinks() {
  const router = useRouter();
  return useMemo(() => {
    const prefetched = new Set<string>();
    const linkOf = (event: { target: EventTarget | null; currentTarget: Element }) => {
      const target = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(target instanceof HTMLAnchorElement) || !event.currentTarget.contains(target)) return null;
      if (target.target || target.hasAttribute("download")) return null;
      const href = target.getAttribute("href") ?? "";
      return href.startsWith("/") && !href.startsWith("//") ? href : null;
    };
    const prefetch = (event: { target: EventTarget | null; currentTarget: Element }) => {
      const href = linkOf(event);
      if (href && !prefetched.has(href)) {
        prefetched.add(href);
        router.prefetch(href);
      }
    };
    return {
      onClick(event: MouseEvent<HTMLElement>) {
        if (event.defaultPrevented || event.button !== 0) return;
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        const href = linkOf(event);
        if (!href) return;
        event.preventDefault();
        router.push(href);
      },
      onPointerOver: prefetch,
      onFocus: prefetch,
    };
  }, [router]);
}
