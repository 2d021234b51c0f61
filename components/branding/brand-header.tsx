import type { Branding } from "@/lib/branding/load";

/**
 * The agency's logo and name with its brand colour as a bar: the portal's header and the report's. The logo
 * is an <img> (never inline markup), so even an SVG is only ever drawn, never run.
 */
export function BrandHeader({ branding, className = "" }: { branding: Branding; className?: string }) {
  return (
    <div
      className={`flex items-center gap-3 border-l-4 border-slate-300 pl-3 ${className}`}
      style={branding.color ? { borderColor: branding.color } : undefined}
      data-testid="brand-header"
    >
      {branding.logoUrl ? (
        // biome-ignore lint/performance/noImgElement: a small same-origin image the route serves as is
        <img src={branding.logoUrl} alt={branding.agencyName} className="h-10 w-auto max-w-48 object-contain" />
      ) : null}
      <span className="text-sm font-semibold" style={branding.color ? { color: branding.color } : undefined}>
        {branding.agencyName}
      </span>
    </div>
  );
}
