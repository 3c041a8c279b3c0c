// The printed table and its targets. A figure that misses its target is marked with '!'.
export const TARGETS = {
	p95At10Ms: 50, // p95 latency at 10 connections, at most
	rpsAt50: 300, // requests/s at 50 connections, at least
	errors: 0, // non-2xx + socket errors + timeouts, at most
	jsKb: 80, // gzipped JavaScript per page, at most
	rssMb: 300, // server resident memory, at most
	firstPageS: 3, // existing data directory to first page, at most
	publicVsStatic: 0.3 // '/' and '/login' req/s @50 as a share of the static file's, at least
};

const PUBLIC_PAGES = ['/', '/login'];

const fixed = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const mark = (text, ok) => (ok ? text : `${text} !`);

/** Rows of cells for one page's results. */
function rowCells(r, staticRps) {
	const [at10, at50] = [r.runs[10], r.runs[50]];
	const errors = at10.non2xx + at10.errors + at50.non2xx + at50.errors;
	const share = at50.rps / staticRps;
	return [
		r.page,
		r.role,
		fixed(at10.rps, 0),
		mark(fixed(at10.p95, 1), at10.p95 <= TARGETS.p95At10Ms),
		mark(fixed(at50.rps, 0), at50.rps >= TARGETS.rpsAt50),
		mark(`${fixed(share, 2)}x`, !PUBLIC_PAGES.includes(r.page) || share >= TARGETS.publicVsStatic),
		fixed(at50.p95, 1),
		mark(String(errors), errors <= TARGETS.errors),
		mark(fixed(r.js.kb, 1), r.js.kb <= TARGETS.jsKb)
	];
}

/** Plain-text table, columns padded to their widest cell (numbers right-aligned). */
export function formatReport(results) {
	const head = [
		'page',
		'role',
		'req/s @10',
		'p95 @10 (ms)',
		'req/s @50',
		'vs static @50',
		'p95 @50 (ms)',
		'errors',
		'JS gz (KB)'
	];
	const staticRun = results.pages.find((r) => r.page === results.staticFile);
	const staticRps = staticRun ? staticRun.runs[50].rps : NaN;
	const rows = [head, ...results.pages.map((r) => rowCells(r, staticRps))];
	const widths = head.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
	const line = (row) =>
		row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ');
	const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
	const s = results.server;
	const m = results.machine;
	return [
		line(head),
		rule,
		...rows.slice(1).map(line),
		'',
		`School: ${results.school.people} people at bench-high (${results.school.students} students, ${results.school.teachers} teachers); ${results.seconds} s per run; p95 from every response time.`,
		`Machine: ${m.cpus} CPUs, Node ${m.node}, 1-min load average ${fixed(m.loadStart, 1)} at start, ${fixed(m.loadEnd, 1)} at end (the load generator shares these CPUs).`,
		`First page on an existing data directory: ${mark(fixed(s.firstPageS, 2), s.firstPageS <= TARGETS.firstPageS)} s  (fresh directory: create + migrate + seed ${fixed(s.freshFirstPageS, 2)} s)`,
		`First start on an empty DATA_DIR, public pages under load: max RSS ${mark(fixed(s.freshRssMaxMb, 0), s.freshRssMaxMb <= TARGETS.rssMb)} MB, serving process peak VmHWM ${mark(fixed(s.freshPeakHwmMb, 0), s.freshPeakHwmMb <= TARGETS.rssMb)} MB  (a short-lived process creates, migrates and seeds; restart figures below)`,
		`RSS after start-up (warmed up):  ${mark(fixed(s.rssStartMb, 0), s.rssStartMb <= TARGETS.rssMb)} MB`,
		`Max RSS during/after the runs:   ${mark(fixed(s.rssMaxMb, 0), s.rssMaxMb <= TARGETS.rssMb)} MB  (kernel peak VmHWM ${fixed(s.peakHwmMb, 0)} MB)`,
		`Targets: p95 @10 <= ${TARGETS.p95At10Ms} ms, req/s @50 >= ${TARGETS.rpsAt50}, errors = 0, JS <= ${TARGETS.jsKb} KB gz, RSS <= ${TARGETS.rssMb} MB, first page <= ${TARGETS.firstPageS} s, ${PUBLIC_PAGES.join(' and ')} >= ${TARGETS.publicVsStatic}x the static file ${results.staticFile}. '!' = missed.`
	].join('\n');
}
