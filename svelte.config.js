import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		// Nonces for SvelteKit's own inline scripts; no 'unsafe-inline' for scripts anywhere.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			// The pgTAP runner and scripts are type-checked with the app.
			config: (tsconfig) => {
				tsconfig.include.push('../supabase/tests/**/*.ts', '../playwright.config.ts');
				// The benchmark is a plain Node script run outside the app.
				tsconfig.exclude = [...(tsconfig.exclude ?? []), '../tests/bench/**'];
				return tsconfig;
			}
		}
		// csrf is left at its default: the origin check is on and a cross-site form POST gets 403.
	}
};

export default config;
