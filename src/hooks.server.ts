import { env } from '$env/dynamic/private';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { loadConfig } from '$lib/server/config';
import { startDatabase } from '$lib/server/db';
import { DataDirLockedError } from '$lib/server/db/lock';
import { MigrationEditedError } from '$lib/server/db/migrate';
import { auth, startAuth } from '$lib/server/auth';
import { createI18n } from '$lib/i18n/i18n';
import { chooseLocale, english, messagesFor } from '$lib/i18n/server';
import { localeDir } from '$lib/i18n/locales';
import { parseReading, readingAttributes } from '$lib/reading/preferences';
import { preloads } from '$lib/reading/fonts';
import { LOCALE_COOKIE, READING_COOKIE, readJsonCookie } from '$lib/server/cookies';
import { setInterfaceLanguage } from '$lib/server/api/profile';
import { startLive } from '$lib/server/live';
import { startHelpRequestTimers } from '$lib/server/timers';
import { startScreenshots } from '$lib/server/uploads';

export const init: ServerInit = async () => {
	const config = loadConfig(env);
	try {
		const database = await startDatabase(config);
		if (env.TP_PREPARE_ONLY === '1') {
			// scripts/server.js prepares a new embedded database in a short-lived process: done.
			await database.close();
			process.exit(0);
		}
		startAuth(database, config);
		startScreenshots(config);
		await startLive(database);
		startHelpRequestTimers(database);
		// adapter-node's graceful shutdown: close the database so PGlite flushes to disk.
		process.once('sveltekit:shutdown', () => void database.close());
	} catch (error) {
		if (error instanceof DataDirLockedError || error instanceof MigrationEditedError) {
			console.error(`\nTech Playground cannot start: ${error.message}\n`);
			process.exit(1);
		}
		throw error;
	}
};

const language: Handle = async ({ event, resolve }) => {
	const locale = chooseLocale(event.url, event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
	if (event.url.searchParams.has('lang') && event.cookies.get(LOCALE_COOKIE) !== locale) {
		event.cookies.set(LOCALE_COOKIE, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 31536000 });
	}
	event.locals.locale = locale;
	// Made on first use: most requests never ask for it, and an i18next instance is not free.
	const messages = await messagesFor(locale);
	let i18n: App.Locals['i18n'] | undefined;
	Object.defineProperty(event.locals, 'i18n', {
		get: () => (i18n ??= createI18n(locale, messages, english)),
		enumerable: true
	});
	event.locals.reading = parseReading(readJsonCookie(event.cookies, READING_COOKIE));
	return resolve(event, {
		// The first screen's font files load with the page, not after the stylesheet (no jump).
		// Read when the page renders: saving reading preferences changes them during the request.
		preload: (file) => preloads(file, locale, event.locals.reading.font),
		// Language, direction and reading preferences are on <html> in the first byte: nothing flashes.
		// Only the <html> tag holds the placeholders, so only it is rewritten, not copies of the page.
		transformPageChunk: ({ html }) => {
			const start = html.indexOf('<html');
			if (start < 0) return html;
			const end = html.indexOf('>', start) + 1;
			const tag = html
				.slice(0, end)
				.replace('%lang%', locale)
				.replace('%dir%', localeDir(locale))
				.replace('%reading%', readingAttributes(event.locals.reading));
			return tag + html.slice(end);
		}
	});
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.caller = await auth().caller(event.cookies);
	// Switching language while signed in is remembered with the account (one call, only then).
	if (event.locals.caller && event.url.searchParams.has('lang') && event.request.method === 'GET') {
		await setInterfaceLanguage(event.locals.caller, event.locals.locale).catch(() => undefined);
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(language, session, headers);

// Never show internals: log them, and give the person a plain message key the error page translates.
export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	const key = status === 404 ? 'errors.page_not_found' : 'errors.unexpected';
	return { message: key };
};
