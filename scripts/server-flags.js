// Node's own settings for the app server, shared by `npm start` and `npm run bench` so the bench
// measures what a school runs. V8 lets its heap grow far past what the app keeps alive when memory
// looks plentiful (~1 MB of short-lived garbage per page); a bounded old generation makes it
// collect sooner, which keeps a school's server small. NODE_HEAP_MB raises it for a large roster
// import or a busy district server; 0 leaves Node's default. SERVER_NODE_ARGS adds flags of your
// own (for example --inspect or --cpu-prof), which NODE_OPTIONS does not all accept.
export function serverNodeArgs(env = process.env) {
	const heapMb = Number(env.NODE_HEAP_MB ?? 160);
	// Small young-generation spaces too: a page's garbage dies young, and scavenging 4 MB is quick.
	const heap = Number.isFinite(heapMb) && heapMb > 0 ? [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=4'] : [];
	return [...heap, ...(env.SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)];
}
