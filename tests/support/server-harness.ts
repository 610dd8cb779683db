/**
 * A benchmark in miniature for tests/bench-server.test.ts: starts one "server" the way the
 * benchmarks start theirs, prints its pid, and waits to be killed. The server writes all the time,
 * as a failing one does.
 */
import { startProcess } from "../../scripts/bench/server";

const server = startProcess(["-e", "setInterval(() => console.error('still here'), 10)"], 0, {});
console.log(JSON.stringify({ pid: server.child.pid }));
setInterval(() => {}, 60_000);
