import { listSchoolPeople } from '$lib/server/api/people';
import { orErrorPage } from '$lib/server/respond';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => orErrorPage(listSchoolPeople(locals.caller), url)) satisfies PageServerLoad;
