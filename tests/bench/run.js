// `npm run bench`: how the built app holds up with a large school on the embedded database.
// 1. build if needed, and take a copy of build/ (see snapshot.js); 2. first start on a fresh
// DATA_DIR (create, migrate, seed), stop; 3. add a 3,300-person school with 10,000 open help
// requests, 5,000 published walkthroughs in 5 languages and four sessions with PGlite directly;
// 4. start again, time the first page, warm up; 5. autocannon each page at 10 and 50 connections;
// 6. upload a full-screen screenshot through the editor and weigh what is served; 7. gzipped JS
// per page; 8. stop the server and time the mentor queue in another school with 100, then
// 100,000 open requests; 9. print the table and write bench-results/latest.json. 10. Always
// stops the server and removes the temporary directory. Exits 1 only when something did not work
// (a page not answering 200, the server dying), never for a missed target.
// BENCH_PAGES=/home:coordinator,/people:coordinator measures only those pages (role '-' for
// none) and skips the queue scaling step, to iterate faster; by default every page is measured.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, rssMb, startServer, stopServer, waitForOk, waitIdle } from './app-server.js';
import { fillBigSchool, QUEUE_PAGE, queueScaling, STUDENTS, TEACHERS, WALKTHROUGHS } from './big-school.js';
import { jsWeight } from './js-weight.js';
import { loadRun } from './load.js';
import { formatReport, TARGETS } from './report.js';
import { snapshotApp } from './snapshot.js';
import { screenshotServedKb } from './screenshot.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS || 3);
const CONNECTIONS = [10, 50];

// The pages measured, and whose session each one uses (null: no cookie).
// The static file comes first: every page is also given as a share of what the same server serves
// of a file that costs it no rendering and no database, in the same run, so figures compare across
// machines and across a busy or quiet machine.
const STATIC_FILE = '/robots.txt';
const ALL_PAGES = [
	{ page: STATIC_FILE, role: null },
	{ page: '/', role: null },
	{ page: '/login', role: null },
	{ page: '/home', role: 'coordinator' },
	{ page: '/home', role: 'teacher' },
	{ page: '/home', role: 'student_mentor' },
	{ page: '/home', role: 'researcher' },
	{ page: '/people', role: 'coordinator' },
	{ page: '/account', role: 'student_mentor' },
	{ page: '/queue', role: 'student_mentor' },
	// One published walkthrough, in its original Spanish (the id is known once the school is filled).
	{ page: '/walkthroughs/[id]', role: 'teacher' }
];
const only = process.env.BENCH_PAGES?.split(',').map((p) => p.trim());
const PAGES = only
	? ALL_PAGES.filter(({ page, role }) => only.includes(`${page}:${role ?? '-'}`))
	: ALL_PAGES;
if (!PAGES.length) throw new Error(`BENCH_PAGES=${process.env.BENCH_PAGES} names no known page`);

const log = (message) => console.log(`[bench] ${message}`);

function buildIfMissing() {
	if (fs.existsSync(path.join(root, 'build', 'handler.js'))) return;
	log('build/handler.js is missing: running npx vite build');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

/** The address measured for a page: its pattern, with the bench school's ids filled in. */
let pathOf = (page) => page;

/** Each page must answer 200 with its cookie (not a redirect to /login) and show the right person. */
async function verifyPages(baseUrl, sessions, firstInQueue) {
	for (const { page, role } of PAGES) {
		const session = role && sessions[role];
		const res = await fetch(baseUrl + pathOf(page), {
			headers: session ? { cookie: `tp_session=${session.token}` } : {},
			redirect: 'manual'
		});
		const body = await res.text();
		const who = role ? `as ${role}` : 'without a cookie';
		if (res.status !== 200)
			throw new Error(`${page} ${who} answered ${res.status} ${res.headers.get('location') ?? ''}`);
		if (session && !body.includes(session.displayName))
			throw new Error(`${page} ${who} does not show ${session.displayName}`);
		// The people page shows 25 at a time and counts the whole school.
		if (page === '/people' && !body.includes(`${STUDENTS + TEACHERS + 2} people found`))
			throw new Error('/people does not count the whole big school');
		// The queue lists the most urgent, then oldest, open request first.
		if (page === '/queue' && !body.includes(firstInQueue))
			throw new Error(`/queue does not show the first request in the queue (${firstInQueue})`);
	}
}

/**
 * Warm-up, unmeasured: a few sequential requests per page, then a short load on each. A school's
 * server runs for hours, so the figures are for a warmed-up server; measured straight after a
 * few requests, the first run also paid for V8 still optimizing the page's code under load (the
 * queue's first 8 s served ~280 req/s, the next ones ~390).
 */
async function warmUp(baseUrl, sessions) {
	for (let i = 0; i < 20; i++) {
		for (const { page, role } of PAGES) {
			const headers = role ? { cookie: `tp_session=${sessions[role].token}` } : {};
			await (await fetch(baseUrl + pathOf(page), { headers, redirect: 'manual' })).arrayBuffer();
		}
	}
	for (const { page, role } of PAGES) {
		const cookie = role ? `tp_session=${sessions[role].token}` : undefined;
		await loadRun({ url: baseUrl + pathOf(page), cookie, connections: 10, seconds: WARM_SECONDS });
	}
}

/** RSS of a freshly created server while its public pages are under load (50 connections). */
async function firstStartMemory(server) {
	let rssMaxMb = rssMb(server.pid);
	const sampler = setInterval(() => {
		if (!server.hasExited()) rssMaxMb = Math.max(rssMaxMb, rssMb(server.pid));
	}, 200);
	try {
		for (const page of ['/', '/login', '/demo'])
			await loadRun({ url: server.baseUrl + page, connections: 50, seconds: WARM_SECONDS });
	} finally {
		clearInterval(sampler);
	}
	return { rssMaxMb, peakHwmMb: rssMb(server.pid, 'VmHWM') };
}

async function main(state) {
	// Other work on the machine skews every figure: the load average is reported with them.
	const loadStart = os.loadavg()[0];
	buildIfMissing();
	state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-'));
	const app = await snapshotApp(root, path.join(state.tmp, 'app'));
	state.dataDir = path.join(state.tmp, 'data');
	fs.mkdirSync(state.dataDir);
	log(`serving a copy of build/ from ${app}; DATA_DIR ${state.dataDir}`);

	// 2. Fresh directory: the server creates, migrates and seeds it.
	state.server = startServer({ root: app, dataDir: state.dataDir, port: await freePort() });
	const freshFirstPageS = await waitForOk(state.server);
	log(`fresh data directory: first /login 200 after ${freshFirstPageS.toFixed(2)} s`);
	// A first start must leave the serving process as lean as a restart: load its public pages too.
	const fresh = await firstStartMemory(state.server);
	log(
		`first start under load: max RSS ${fresh.rssMaxMb.toFixed(0)} MB, peak VmHWM ${fresh.peakHwmMb.toFixed(0)} MB; stopping`
	);
	const { code, signal } = await stopServer(state.server);
	if (code !== 0)
		throw new Error(
			`The first server did not stop cleanly (${signal ?? code}):\n${state.server.output()}`
		);

	// 3. The big school, straight into the stopped server's database.
	const { sessions, people, openRequests, firstInQueue, walkthroughId, walkthroughs, upload } = await fillBigSchool(
		state.dataDir
	);
	pathOf = (page) => (page === '/walkthroughs/[id]' ? `/walkthroughs/${walkthroughId}?read=es` : page);
	log(
		`bench-high filled: ${people} people, ${openRequests} open help requests, ${walkthroughs.walkthroughs} published walkthroughs in ${walkthroughs.versions} language versions; sessions for ${Object.keys(sessions).join(', ')}`
	);

	// 4. Existing directory: time to first page, then RSS after a warm-up.
	state.server = startServer({ root: app, dataDir: state.dataDir, port: await freePort() });
	const firstPageS = await waitForOk(state.server);
	log(`existing data directory: first /login 200 after ${firstPageS.toFixed(2)} s`);
	const { baseUrl, pid } = state.server;
	await verifyPages(baseUrl, sessions, firstInQueue);
	await warmUp(baseUrl, sessions);
	const rssStartMb = rssMb(pid);
	log(`RSS after start-up and warm-up: ${rssStartMb.toFixed(0)} MB`);

	// 5. Load runs; RSS is sampled throughout.
	let rssMaxMb = rssStartMb;
	const sample = () => {
		if (!state.server.hasExited()) rssMaxMb = Math.max(rssMaxMb, rssMb(pid));
	};
	const sampler = setInterval(sample, 200);
	const pages = [];
	try {
		for (const { page, role } of PAGES) {
			const cookie = role ? `tp_session=${sessions[role].token}` : undefined;
			const runs = {};
			for (const connections of CONNECTIONS) {
				// Let the previous run's queued requests drain so they do not count against this one.
				const waited = await waitIdle(pid);
				if (waited > 1)
					log(`(waited ${waited.toFixed(1)} s for the server to finish queued requests)`);
				runs[connections] = await loadRun({
					url: baseUrl + pathOf(page),
					cookie,
					connections,
					seconds: SECONDS
				});
				const r = runs[connections];
				log(
					`${page} ${role ?? '-'} @${connections}: ${r.rps.toFixed(0)} req/s, p95 ${r.p95.toFixed(1)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`
				);
				if (state.server.hasExited())
					throw new Error(`The server died during the load runs:\n${state.server.output()}`);
			}
			pages.push({ page, role: role ?? '-', runs, js: null });
		}
		await sleep(500);
		sample();
	} finally {
		clearInterval(sampler);
	}
	const peakHwmMb = rssMb(pid, 'VmHWM');

	// 6. A full-screen screenshot, uploaded through the editor and served back.
	const screenshot = await screenshotServedKb(baseUrl, sessions, upload, pathOf('/walkthroughs/[id]'));
	log(`screenshot 1366x768: uploaded ${screenshot.uploadedKb.toFixed(0)} KB PNG, served ${screenshot.servedKb.toFixed(0)} KB ${screenshot.type}`);

	// 7. Gzipped JavaScript per page.
	for (const result of pages) {
		const cookie = result.role !== '-' ? `tp_session=${sessions[result.role].token}` : undefined;
		result.js =
			result.page === STATIC_FILE
				? { kb: 0, files: 0, bytes: 0 } // a text file: no page, no scripts
				: await jsWeight(baseUrl + pathOf(result.page), cookie);
	}

	// 8. The queue must cost about the same with 100 or 100,000 open requests (PGlite directly, so
	// the server stops first).
	let scaling = null;
	if (!only) {
		const { code: stopCode } = await stopServer(state.server);
		if (stopCode !== 0)
			throw new Error(`The server did not stop cleanly:\n${state.server.output()}`);
		scaling = await queueScaling(state.dataDir, log);
	}

	// 9. Report.
	const results = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, node: process.version, loadStart, loadEnd: os.loadavg()[0] },
		seconds: SECONDS,
		targets: TARGETS,
		school: { code: 'bench-high', people, students: STUDENTS, teachers: TEACHERS, openRequests, walkthroughs },
		screenshot,
		server: {
			freshFirstPageS,
			freshRssMaxMb: fresh.rssMaxMb,
			freshPeakHwmMb: fresh.peakHwmMb,
			firstPageS,
			rssStartMb,
			rssMaxMb,
			peakHwmMb
		},
		staticFile: STATIC_FILE,
		pages,
		queueScaling: scaling
	};
	const table = [
		formatReport(results),
		`Open help requests at bench-high: ${openRequests} (the /queue page lists ${QUEUE_PAGE}).`,
		`Walkthroughs at bench-high: ${walkthroughs.walkthroughs} published (of ${WALKTHROUGHS} made), ${walkthroughs.versions} language versions; the page measured is one of them in Spanish, 5 steps.`,
		`Screenshot 1366x768 (a capture of that page): ${screenshot.uploadedKb.toFixed(0)} KB PNG uploaded, served as ${screenshot.servedKb.toFixed(0)} KB ${screenshot.type}${screenshot.servedKb <= 200 ? '' : ' !'} (target <= 200 KB)`,
		scaling
			? `Queue scaling: api.help_queue median ${scaling.small.ms.toFixed(2)} ms with ${scaling.small.open} open requests, ${scaling.large.ms.toFixed(2)} ms with ${scaling.large.open}: ratio ${scaling.ratio.toFixed(2)}${scaling.ratio <= 1.5 ? '' : ' !'} (target <= 1.5)`
			: 'Queue scaling: skipped (BENCH_PAGES)'
	].join('\n');
	console.log(`\n${table}\n`);
	const outDir = path.join(root, 'bench-results');
	fs.mkdirSync(outDir, { recursive: true });
	fs.writeFileSync(
		path.join(outDir, 'latest.json'),
		JSON.stringify({ ...results, table }, null, 2) + '\n'
	);
	log(`wrote ${path.relative(root, path.join(outDir, 'latest.json'))}`);
}

// 10. Always clean up: stop the server we started and remove the temporary directory.
const state = { server: null, tmp: null, dataDir: null };
async function cleanUp() {
	await stopServer(state.server).catch(() => {});
	if (state.tmp) fs.rmSync(state.tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => cleanUp().finally(() => process.exit(1)));
}
let exitCode = 0;
try {
	await main(state);
} catch (error) {
	console.error(`\n[bench] FAILED: ${error instanceof Error ? error.message : error}`);
	if (error instanceof Error && error.cause) console.error('[bench] cause:', error.cause);
	if (state.server?.hasExited())
		console.error(`[bench] the server had exited; its last output:\n${state.server.output()}`);
	exitCode = 1;
} finally {
	await cleanUp();
}
process.exit(exitCode);
