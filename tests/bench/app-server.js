// Starting, watching and stopping the built app (`node scripts/server.js`) for the benchmark.
// Only loopback addresses; only the process we spawned is ever signalled, by its pid.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { serverNodeArgs } from '../../scripts/server-flags.js';
import { setTimeout as sleep } from 'node:timers/promises';

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

/**
 * Spawns the server on DATA_DIR and returns a handle. The server's output is kept (last 64 KB)
 * so a failure can show why it did not start.
 */
export function startServer({ root, dataDir, port }) {
	// Embedded mode only: drop settings that would point the server at another database.
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		DEMO: 'on'
	};
	for (const key of ['DATABASE_URL', 'PUBLIC_SUPABASE_URL', 'ORIGIN']) delete env[key];
	const startedAt = performance.now();
	// The same Node settings as `npm start` (scripts/server-flags.js), from the snapshot being served.
	const child = spawn(process.execPath, [...serverNodeArgs(env), 'scripts/server.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk) => (output = (output + chunk).slice(-65536));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	let hasExited = false;
	exited.then(() => (hasExited = true));
	return {
		child,
		pid: child.pid,
		startedAt,
		baseUrl: `http://127.0.0.1:${port}`,
		output: () => output,
		hasExited: () => hasExited,
		exited
	};
}

/** Polls GET path until it answers 200; returns seconds since spawn. Throws on exit or timeout. */
export async function waitForOk(server, path = '/login', timeoutMs = 120_000) {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (server.hasExited())
			throw new Error(`The server exited before answering ${path}:\n${server.output()}`);
		try {
			const res = await fetch(server.baseUrl + path, { redirect: 'manual' });
			await res.arrayBuffer();
			if (res.status === 200) return (performance.now() - server.startedAt) / 1000;
		} catch {
			// not listening yet
		}
		await sleep(25);
	}
	throw new Error(
		`The server did not answer 200 on ${path} within ${timeoutMs / 1000} s:\n${server.output()}`
	);
}

/** SIGTERM, then wait for exit (SIGKILL to the same pid after 20 s). Returns { code, signal }. */
export async function stopServer(server) {
	if (!server) return { code: null, signal: null };
	if (!server.hasExited()) {
		server.child.kill('SIGTERM');
		const timer = setTimeout(() => server.hasExited() || server.child.kill('SIGKILL'), 20_000);
		await server.exited;
		clearTimeout(timer);
	}
	return server.exited;
}

/** Resident memory of a process in MB, from /proc/<pid>/status (VmRSS, or VmHWM for the peak). */
export function rssMb(pid, field = 'VmRSS') {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
	return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU time (user + system, in clock ticks) a process has used so far, from /proc/<pid>/stat. */
function cpuTicks(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
}

/**
 * Waits until the server is idle (under ~5 % of a core over half a second): when a load run
 * stops, the server is still working off the requests it had queued, which would otherwise be
 * charged to the next run. Gives up after maxMs and returns how long it waited.
 */
export async function waitIdle(pid, maxMs = 120_000) {
	const start = performance.now();
	let last = cpuTicks(pid);
	while (performance.now() - start < maxMs) {
		await sleep(500);
		const now = cpuTicks(pid);
		if (now - last <= 2) break; // 100 ticks/s: 2 ticks in 0.5 s is ~4 %
		last = now;
	}
	return (performance.now() - start) / 1000;
}
