// The geometry of a report's small trend charts, shared by the page (SVG) and the PDF (react-pdf's Svg):
// values to points in a box, a gap where a value is missing. Pure.

export interface ChartGeometry {
  /** Polylines ("x,y x,y …"), split where a value is missing. */
  lines: string[];
  points: { x: number; y: number; value: number; index: number }[];
  min: number;
  max: number;
}

export function chartGeometry(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 4,
): ChartGeometry {
  const present = values.filter((v): v is number => v !== null);
  const min = present.length > 0 ? Math.min(0, ...present) : 0;
  const max = present.length > 0 ? Math.max(...present) : 0;
  const span = max - min || 1;
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0;
  const points: ChartGeometry["points"] = [];
  const lines: string[] = [];
  let current: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) lines.push(current.join(" "));
      current = [];
      return;
    }
    const x = Math.round((pad + step * index) * 10) / 10;
    const y = Math.round((height - pad - ((value - min) / span) * (height - pad * 2)) * 10) / 10;
    points.push({ x, y, value, index });
    current.push(`${x},${y}`);
  });
  if (current.length > 0) lines.push(current.join(" "));
  return { lines, points, min, max };
}
