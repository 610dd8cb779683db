/**
 * A trend line drawn on the server as a few SVG points. The dashboard shows one per metric
 * (hundreds at scale); a chart library per card would cost a client component, its script
 * and its render each, for a picture that never changes after load.
 */
export function Sparkline({ values, className }: { values: number[]; className?: string }) {
  const width = 100;
  const height = 32;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => {
    const x = values.length === 1 ? width / 2 : (i / (values.length - 1)) * width;
    // A flat series sits mid-height rather than on the floor.
    const y = max === min ? height / 2 : height - 2 - ((v - min) / span) * (height - 4);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  });
  const line = points.join(" ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className={className} aria-hidden="true" focusable="false">
      <polygon points={`0,${height} ${line} ${width},${height}`} className="fill-blue-100" />
      <polyline points={line} fill="none" className="stroke-blue-600" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
