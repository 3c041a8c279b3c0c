// A private copy of the built app for the benchmark. Other processes on this machine (npm test)
// may run `vite build` at any time, which empties build/ and renames every hashed file; a server
// serving the live build/ would then fail mid-run. The copy is: build/, scripts/server.js and
// package.json (for "type": "module"), with node_modules linked to the project's.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Newest modification time of anything under dir (0 if it does not exist). */
function newest(dir) {
	const stat = fs.statSync(dir, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...fs.readdirSync(dir).map((f) => newest(path.join(dir, f))));
}

/**
 * Copies the app into `into` and returns that directory, to run `node scripts/server.js` in.
 * Retries while build/ is being rewritten (its newest mtime changes during the copy).
 */
export async function snapshotApp(root, into) {
	const build = path.join(root, 'build');
	for (let attempt = 1; attempt <= 20; attempt++) {
		const before = newest(build);
		fs.rmSync(into, { recursive: true, force: true });
		fs.mkdirSync(path.join(into, 'scripts'), { recursive: true });
		try {
			fs.cpSync(build, path.join(into, 'build'), { recursive: true });
		} catch {
			// a file vanished mid-copy: a build is running
		}
		const complete = fs.existsSync(path.join(into, 'build', 'handler.js'));
		if (complete && newest(build) === before && Date.now() - before > 2000) {
			fs.copyFileSync(
				path.join(root, 'scripts', 'server.js'),
				path.join(into, 'scripts', 'server.js')
			);
			fs.copyFileSync(path.join(root, 'package.json'), path.join(into, 'package.json'));
			fs.symlinkSync(path.join(root, 'node_modules'), path.join(into, 'node_modules'), 'dir');
			return into;
		}
		await sleep(3000); // someone is building: wait for it to finish
	}
	throw new Error(
		'build/ kept changing for a minute (another vite build?); could not take a copy of it'
	);
}
