// Serves the built app. adapter-node assumes https unless told otherwise, which would make every
// form on a plain-http school server fail its origin check; so when no proxy says which protocol
// was used, say what this socket is. A proxy's X-Forwarded-Proto, or ORIGIN, still wins.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto';
// A walkthrough form can carry a few screenshots (each up to 10 MB, refused with a clear message
// above that); adapter-node's default of 512 KB would cut them off with a bare 413.
process.env.BODY_SIZE_LIMIT ||= '32M';
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));

// Creating, migrating and seeding a new embedded database grows PGlite's WebAssembly memory to
// about 800 MB, and that memory is never given back: a first start went on serving at 350-540 MB,
// where a restart serves at about 250. So a new data directory is prepared by a short-lived process
// of its own (this script again, with TP_PREPARE_ONLY=1: the app prepares the database and exits),
// and this process opens a database that is already there.
const embedded = !process.env.DATABASE_URL && !process.env.PUBLIC_SUPABASE_URL;
const dataDir = path.resolve(process.env.DATA_DIR || '.data/db');
if (embedded && process.env.TP_PREPARE_ONLY !== '1' && !fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))) {
	const prepared = spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname], {
		stdio: 'inherit',
		env: { ...process.env, TP_PREPARE_ONLY: '1' }
	});
	if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}
const { handler } = await import(path.join(root, 'build', 'handler.js'));

const server = http.createServer((req, res) => {
	req.headers['x-forwarded-proto'] ||= 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	handler(req, res);
});

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.listen(port, host, () => console.log(`Tech Playground is serving http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`));

let stopping = false;
function stop(reason) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		// The app closes its database on this event (see hooks.server.ts).
		process.emit('sveltekit:shutdown', reason);
		setTimeout(() => process.exit(0), 500).unref();
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 5000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
