import { redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { loadConfig } from '$lib/server/config';
import { needsSetup } from '$lib/server/api/setup';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => {
	if (locals.caller) redirect(303, '/home');
	if (await needsSetup()) redirect(303, '/setup');
	return { demo: loadConfig(env).demo };
}) satisfies PageServerLoad;
