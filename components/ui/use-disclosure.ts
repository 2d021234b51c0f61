"use client";

import { type SyntheticEvent, useEffect, useRef, useState } from "react";

/**
 * A native <details> whose contents are rendered only while it is open: spread `props` on the element and
 * render the contents when `open`. A closed section then costs the page nothing but its summary.
 */
export function useDisclosure(initiallyOpen = false) {
  const [open, setOpen] = useState(initiallyOpen);
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page was interactive: the toggle went by unseen, so take the element's word for it.
  useEffect(() => {
    if (ref.current?.open) setOpen(true);
  }, []);
  return {
    open,
    props: { ref, open, onToggle: (e: SyntheticEvent<HTMLDetailsElement>) => setOpen(e.currentTarget.open) },
  };
}
