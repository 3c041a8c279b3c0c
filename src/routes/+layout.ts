import { loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

// Runs on the server and again in the browser, so the strings never travel inside the HTML.
export const load = (async ({ data }) => ({ ...data, messages: await loadMessages(data.locale) })) satisfies LayoutLoad;
