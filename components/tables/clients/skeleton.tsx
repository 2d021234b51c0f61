import { Skeleton } from "@/components/ui/misc";

export function ClientsTableSkeleton() {
  return (
    <div className="space-y-2 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200" aria-busy="true">
      <Skeleton className="h-6 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}
