// `npm start`: build when the sources are newer than the last build, then serve it.
// PORT (default 3000), HOST, DATA_DIR, DATABASE_URL, PUBLIC_SUPABASE_URL, DEMO: see README.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serverNodeArgs } from './server-flags.js';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const stamp = path.join(root, 'build', '.built-at');
const inputs = ['src', 'supabase', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(p) {
	const stat = fs.statSync(p, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

// A fresh clone has no build/ yet: that counts as never built, not as an error.
const builtAt = fs.existsSync(stamp) ? Number(fs.readFileSync(stamp, 'utf8')) || 0 : 0;
if (!fs.existsSync(path.join(root, 'build', 'index.js')) || Math.max(...inputs.map((i) => newest(path.join(root, i)))) > builtAt) {
	console.log('Building Tech Playground (first start or changed sources)…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
	fs.mkdirSync(path.dirname(stamp), { recursive: true });
	fs.writeFileSync(stamp, String(Date.now()));
}

const env = { PORT: '3000', ...process.env };
const server = spawn(process.execPath, [...serverNodeArgs(env), path.join(root, 'scripts', 'server.js')], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
