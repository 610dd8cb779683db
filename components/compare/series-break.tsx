/** Neutral on purpose: across a definition change the difference is neither good nor bad news. */
export function SeriesBreak({ note }: { note: string }) {
  return (
    <span className="mt-1 block text-xs font-normal text-slate-800" data-testid="series-break">
      <span className="mr-1 inline-block whitespace-nowrap rounded-full border border-slate-400 bg-slate-100 px-2 py-0.5 font-medium">Series break</span>
      {note}
    </span>
  );
}
