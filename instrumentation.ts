/** Start-up work lives in instrumentation-node.ts: it uses Node APIs the Edge build must not see. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./instrumentation-node");
    await startServer();
  }
}
