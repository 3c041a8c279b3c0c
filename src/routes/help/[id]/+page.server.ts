import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { helpRequest, partnerAsk } from '$lib/server/api/help-views';
import { requestWalkthroughs } from '$lib/server/api/walkthroughs';
import { helpRequestActions } from '$lib/server/actions/help-request';
import { orErrorPage } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'errors.page_not_found' });
	const [page, guides, ask] = await Promise.all([
		orErrorPage(helpRequest(locals.caller, params.id), url),
		requestWalkthroughs(locals.caller, params.id).catch(() => ({ can_start: false, walkthroughs: [] })),
		orErrorPage(partnerAsk(locals.caller, params.id), url)
	]);
	return { ...page, guides, partnerAsk: ask };
}) satisfies PageServerLoad;

export const actions = helpRequestActions satisfies Actions;
