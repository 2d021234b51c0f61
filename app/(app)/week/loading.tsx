import { Skeleton } from "@/components/ui/misc";

export default function WeekLoading() {
  return (
    <div className="space-y-4" aria-busy>
      <Skeleton className="h-7 w-64" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="h-10 w-full" />
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={i} className="h-12 w-full" />
      ))}
    </div>
  );
}
