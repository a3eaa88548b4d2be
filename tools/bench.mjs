// `npm run bench`: the benchmarks against the reference y-websocket server. Not written yet.
console.log("Benchmarks: none yet.");
