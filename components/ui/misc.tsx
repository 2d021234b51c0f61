import { Children, type HTMLAttributes, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-lg bg-white shadow-xs ring-1 ring-slate-200", className)} {...props} />;
}

// Each tone is a component class in app/globals.css (.badge-gray, …).
const badgeTones = {
  gray: "badge badge-gray",
  green: "badge badge-green",
  yellow: "badge badge-yellow",
  red: "badge badge-red",
  blue: "badge badge-blue",
  indigo: "badge badge-indigo",
} as const;

export type BadgeTone = keyof typeof badgeTones;

export function Badge({ tone = "gray", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={badgeTones[tone]}>{children}</span>;
}

export function Skeleton({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-slate-200", className)} aria-hidden />;
}

export function EmptyState({ title, body, action }: { title: ReactNode; body?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-lg border-2 border-dashed border-slate-200 px-6 py-12 text-center">
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {body ? <p className="mt-1 text-sm text-slate-500">{body}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-xl font-bold text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

/** A form-level message, announced to screen readers when it changes. */
export function FormMessage({
  tone = "error",
  children,
}: {
  tone?: "error" | "success" | "info";
  children?: ReactNode;
}) {
  return (
    <div aria-live="polite" role={tone === "error" ? "alert" : "status"}>
      {/* Children.toArray drops null and false: a form with no error and no extra button shows no empty bar. */}
      {Children.toArray(children).length > 0 ? (
        <p
          className={cn(
            "rounded-md px-3 py-2 text-sm",
            tone === "error" && "bg-red-50 text-red-700",
            tone === "success" && "bg-emerald-50 text-emerald-700",
            tone === "info" && "bg-sky-50 text-sky-800",
          )}
        >
          {children}
        </p>
      ) : null}
    </div>
  );
}
