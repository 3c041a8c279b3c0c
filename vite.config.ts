import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.test.ts', 'supabase/tests/**/*.test.ts'],
		environment: 'node',
		// PGlite instances are heavy: one test file at a time per worker, two workers on two cores.
		pool: 'forks',
		maxWorkers: 2,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
