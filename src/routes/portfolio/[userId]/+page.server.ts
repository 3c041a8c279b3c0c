import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { mentorPortfolio } from '$lib/server/api/help-views';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

// A mentor's portfolio as the coordinator sees it (the database refuses anyone else).
export const load = (async ({ locals, url, params }) => {
	if (!z.uuid().safeParse(params.userId).success) error(404, { message: 'errors.page_not_found' });
	const portfolio = await orErrorPage(mentorPortfolio(locals.caller, params.userId), url);
	return { me: portfolio.me, portfolio };
}) satisfies PageServerLoad;
