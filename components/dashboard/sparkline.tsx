/**
 * A trend line drawn on the server as a few SVG points. The dashboard shows one per metric
 * (hundreds at scale); a chart library per card would cost a client component, its script
 * and its render each, for a picture that never changes after load.
 */
export function Sparkline({ values, className }: { values: number[]; className?: string }) {
  // Whole-number x and one-decimal y keep each point to a few characters: the page carries
  // every point twice (HTML and React's payload), for up to a hundred cards.
  const step = 4;
  const width = Math.max(1, values.length - 1) * step;
  const height = 32;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => {
    const x = values.length === 1 ? width / 2 : i * step;
    // A flat series sits mid-height rather than on the floor.
    const y = max === min ? height / 2 : height - 2 - ((v - min) / span) * (height - 4);
    return `${x},${Math.round(y * 10) / 10}`;
  });
  // One shape draws both the area and the line: its sides and bottom lie outside the viewBox,
  // so only the line's stroke shows. Half the points a separate polygon and polyline cost.
  const first = points[0]!.split(",")[1];
  const last = points[points.length - 1]!.split(",")[1];
  const shape = `-2,${height + 2} -2,${first} ${points.join(" ")} ${width + 2},${last} ${width + 2},${height + 2}`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className={className} aria-hidden="true" focusable="false">
      <polygon points={shape} className="fill-blue-100 stroke-blue-600" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
