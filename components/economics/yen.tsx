"use client";

import { useLocale } from "next-intl";
import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";

/** A yen amount with tabular digits; negative amounts in red. */
export function Yen({ value, className, ...props }: { value: number } & HTMLAttributes<HTMLSpanElement>) {
  const locale = toLocale(useLocale());
  return (
    <span
      className={
        className
          ? cn("tabular-nums", value < 0 && "text-red-600", className)
          : value < 0
            ? "tabular-nums text-red-600"
            : "tabular-nums"
      }
      {...props}
    >
      {formatYen(value, locale)}
    </span>
  );
}

export function useYen() {
  const locale = toLocale(useLocale());
  return (value: number) => formatYen(value, locale);
}
