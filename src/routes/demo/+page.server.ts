import { error, fail, redirect } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { z } from 'zod';
import { auth } from '$lib/server/auth';
import { listDemoAccounts } from '$lib/server/api/demo';
import { loadConfig } from '$lib/server/config';
import { afterSignIn } from '$lib/server/after-sign-in';
import type { Actions, PageServerLoad } from './$types';

const demoOn = () => loadConfig(env).demo;

export const load = (async () => {
	if (!demoOn()) error(404, { message: 'errors.page_not_found' });
	return { accounts: await listDemoAccounts() };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies }) => {
		if (!demoOn()) error(404, { message: 'errors.page_not_found' });
		const userId = z.uuid().safeParse((await request.formData()).get('user_id')?.toString() ?? '');
		// Only a persona the demo school offers; any other id is refused.
		const accounts = await listDemoAccounts();
		if (!userId.success || !accounts.some((a) => a.user_id === userId.data)) {
			return fail(400, { message: 'demo.unknown_account' });
		}
		const caller = await auth().startSession(cookies, userId.data, 'playground-demo', undefined);
		await afterSignIn(cookies, caller);
		redirect(303, '/home');
	}
} satisfies Actions;
