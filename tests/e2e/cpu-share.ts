import fs from 'node:fs';

// Lighthouse's mobile preset simulates a slow phone by scaling the CPU time the page really took
// here. When another program takes the CPU during a run, the page's own tasks take longer and
// the score drops for a reason that is not the page's. This tells such a run apart: it counts the
// CPU time used by processes outside this test run (the Playwright runner and all it started:
// the app server, the browsers) while the run lasted. Linux only (/proc); elsewhere it says null.

type Proc = { pid: number; ppid: number; cpuTicks: number };
const TICKS_PER_SECOND = 100; // USER_HZ on every Linux Node supports

function processes(): Map<number, Proc> | null {
	let pids: string[];
	try {
		pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
	} catch {
		return null;
	}
	const all = new Map<number, Proc>();
	for (const pid of pids) {
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			// The command name may hold spaces and parentheses: fields start after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			// fields[1] is ppid; fields[11] and [12] are utime and stime, in clock ticks.
			all.set(Number(pid), { pid: Number(pid), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) });
		} catch {
			// The process ended while we looked.
		}
	}
	return all;
}

function ours(all: Map<number, Proc>, root: number): Set<number> {
	const mine = new Set([root]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const p of all.values()) {
			if (!mine.has(p.pid) && mine.has(p.ppid)) {
				mine.add(p.pid);
				grew = true;
			}
		}
	}
	return mine;
}

/** Starts counting; the returned function gives the share of one CPU others used meanwhile (0.25 = 25%). */
export function watchOtherCpu(root = process.ppid): () => number | null {
	const startedAt = Date.now();
	const before = processes();
	return () => {
		const after = processes();
		if (!before || !after) return null;
		const mine = ours(after, root);
		let ticks = 0;
		for (const p of after.values()) {
			if (mine.has(p.pid)) continue;
			ticks += p.cpuTicks - (before.get(p.pid)?.cpuTicks ?? 0);
		}
		const seconds = (Date.now() - startedAt) / 1000;
		return seconds > 0 ? ticks / TICKS_PER_SECOND / seconds : 0;
	};
}

/** Waits (at most `limitMs`) for a second in which other programs use under `share` of one CPU. */
export async function waitForQuietCpu(share = 0.1, limitMs = 30_000): Promise<number | null> {
	const until = Date.now() + limitMs;
	for (;;) {
		const stop = watchOtherCpu();
		await new Promise((r) => setTimeout(r, 1000));
		const used = stop();
		if (used === null || used < share || Date.now() >= until) return used;
	}
}
