// `npm test`: every check, in the order that fails fastest, then one closing line with the counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
	['translations', 'node', ['scripts/i18n-check.js']],
	['svelte-check', 'npm', ['run', 'check']],
	['eslint', 'npm', ['run', 'lint']],
	['unit and database tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']],
	['build', 'npx', ['vite', 'build']],
	['browser tests (Playwright, system Chromium)', 'npx', ['playwright', 'test']]
];

fs.mkdirSync('reports', { recursive: true });
for (const f of ['reports/unit.json', 'reports/e2e.json']) fs.rmSync(f, { force: true });
let failedStep = null;
for (const [name, command, args] of steps) {
	console.log(`\n=== ${name} ===`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
	if (result.status !== 0) {
		failedStep = name;
		break;
	}
}

function counts(file, read) {
	try {
		return read(JSON.parse(fs.readFileSync(file, 'utf8')));
	} catch {
		return { passed: 0, failed: 0 };
	}
}
const unit = counts('reports/unit.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
const e2e = counts('reports/e2e.json', (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedStep && unit.failed + e2e.failed === 0 ? 1 : 0);
if (failedStep) console.log(`\nFailed at: ${failedStep}`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
