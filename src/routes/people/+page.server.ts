import { listSchoolPeople } from '$lib/server/api/people';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const query = url.searchParams.get('q')?.slice(0, 60) ?? '';
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	return { query, ...(await orErrorPage(listSchoolPeople(locals.caller, { query, page }), url)) };
}) satisfies PageServerLoad;
