import { Card, Skeleton } from "@/components/ui/misc";

export default function PortfolioLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-10 w-full" />
      <Card className="space-y-2 p-4">
        {Array.from({ length: 12 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </Card>
    </div>
  );
}
