/**
 * A JSON object one of whose members is an array read page by page: the pages are written as
 * they arrive, so an answer of any length never sits in memory whole. `before` and `after`
 * are the object's other members, in that order around the array.
 */
export function streamedJson(
  before: Record<string, unknown>,
  arrayKey: string,
  pages: AsyncIterator<unknown[]>,
  after: Record<string, unknown>,
  init: ResponseInit = {},
): Response {
  const encoder = new TextEncoder();
  const members = (o: Record<string, unknown>) => JSON.stringify(o).slice(1, -1);
  const head = `{${members(before)}${Object.keys(before).length > 0 ? "," : ""}${JSON.stringify(arrayKey)}:[`;
  const tail = `]${Object.keys(after).length > 0 ? `,${members(after)}` : ""}}`;
  let started = false;
  let written = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        let chunk = started ? "" : head;
        started = true;
        if (next.done) {
          controller.enqueue(encoder.encode(chunk + tail));
          controller.close();
          return;
        }
        for (const item of next.value) chunk += (written++ > 0 ? "," : "") + JSON.stringify(item);
        controller.enqueue(encoder.encode(chunk));
      } catch (error) {
        // The status is already sent: cutting the answer short is the only honest signal left,
        // and a client's JSON parser then fails instead of trusting a partial list.
        console.error("[api] streamed answer failed:", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json");
  return new Response(body, { ...init, headers });
}
