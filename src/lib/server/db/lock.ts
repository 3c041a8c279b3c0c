import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
	constructor(
		readonly lockFile: string,
		readonly dataDir: string,
		readonly holderPid: number
	) {
		super(
			`The data directory ${dataDir} is in use by another Tech Playground server (process ${holderPid}, lock ${lockFile}). ` +
				'Only one server may open an embedded database at a time; stop the other one first, or set DATA_DIR to another directory.'
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the one-writer lock on a data directory. Two PGlite processes on one directory silently
 * lose data, so a live holder is an error; a lock left by a dead process (kill -9) is taken over.
 * Returns a function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
	fs.mkdirSync(dataDir, { recursive: true });
	const lockFile = path.join(dataDir, 'tech-playground.lock');
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fd = fs.openSync(lockFile, 'wx');
			fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
			fs.closeSync(fd);
			const release = () => {
				try {
					if (readHolder(lockFile) === process.pid) fs.unlinkSync(lockFile);
				} catch {
					// already gone
				}
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = readHolder(lockFile);
			if (holder && holder !== process.pid && isAlive(holder)) {
				throw new DataDirLockedError(lockFile, dataDir, holder);
			}
			// Stale: its process is gone. Remove it and try again; 'wx' lets only one taker win.
			fs.rmSync(lockFile, { force: true });
		}
	}
	throw new DataDirLockedError(lockFile, dataDir, readHolder(lockFile) ?? 0);
}

function readHolder(lockFile: string): number | null {
	try {
		const pid = Number(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}
