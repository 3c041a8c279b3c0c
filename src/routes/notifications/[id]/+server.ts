import { redirect } from '@sveltejs/kit';
import { openNotification } from '$lib/server/api/help-requests';
import { orErrorPage } from '$lib/server/respond';
import type { RequestHandler } from './$types';

// Following a notification's link marks it read, then goes to what it is about. A plain link, so
// the bell count drops without JavaScript too; only the owner can mark it (the database checks).
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) redirect(303, '/notifications');
	redirect(303, await orErrorPage(openNotification(locals.caller, id), url));
};
