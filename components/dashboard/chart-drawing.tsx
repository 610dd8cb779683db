"use client";

import { BarChart, LineChart } from "@tremor/react";
import type { ComponentProps } from "react";

type Props = ComponentProps<typeof LineChart> & { kind: "line" | "bar" };

/** The drawing alone, in its own module so the chart library loads after the page (see ChartFigure). */
export default function ChartDrawing({ kind, connectNulls, ...props }: Props) {
  return kind === "line" ? <LineChart {...props} connectNulls={connectNulls} /> : <BarChart {...props} />;
}
