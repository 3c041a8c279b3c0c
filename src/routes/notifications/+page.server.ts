import { markNotificationsRead } from '$lib/server/api/help-requests';
import { myNotifications } from '$lib/server/api/help-views';
import { failFrom, orErrorPage } from '$lib/server/respond';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => orErrorPage(myNotifications(locals.caller), url)) satisfies PageServerLoad;

export const actions = {
	read: async ({ locals }) => {
		try {
			await markNotificationsRead(locals.caller);
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'notifications.all_read' };
	}
} satisfies Actions;
