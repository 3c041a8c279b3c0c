import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { helpRequest } from '$lib/server/api/help-views';
import { helpRequestActions } from '$lib/server/actions/help-request';
import { orErrorPage } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'errors.page_not_found' });
	return orErrorPage(helpRequest(locals.caller, params.id), url);
}) satisfies PageServerLoad;

export const actions = helpRequestActions satisfies Actions;
