import { mentorPortfolio } from '$lib/server/api/help-views';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

// The signed-in mentor's own portfolio.
export const load = (async ({ locals, url }) => {
	const portfolio = await orErrorPage(mentorPortfolio(locals.caller), url);
	return { me: portfolio.me, portfolio };
}) satisfies PageServerLoad;
