"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * A thin bar along the top of the window from the click on a link inside the app until the next page shows:
 * the loading state of every in-app navigation. Pages whose figures are kept per state of the agency's data
 * render without a streamed skeleton (a Suspense boundary costs a fast page a good part of its render time),
 * so this is what tells the reader that the page they asked for is on its way. Nothing is rendered on the
 * server or while no navigation is pending.
 */
export function NavigationProgress({ label }: { label: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, setPending] = useState(false);

  // The new page is shown: the navigation is over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the URL changes
  useEffect(() => setPending(false), [pathname, search]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a");
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      // Another page of the app (a jump within this one, or this very URL, changes nothing).
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      setPending(true);
    };
    // In the capture phase: next/link takes over the click (preventDefault) on its way back up.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);

  // A navigation that never lands (an error, a download) does not keep the bar forever.
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => setPending(false), 15_000);
    return () => window.clearTimeout(timer);
  }, [pending]);

  if (!pending) return null;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-busy="true"
      className="no-print fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-indigo-100"
    >
      <div className="nav-progress-bar h-full w-1/3 bg-indigo-600" />
    </div>
  );
}
