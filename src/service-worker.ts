/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline reading on a Chromebook: a published walkthrough someone has opened, with its
// screenshots, stays readable without a network. Nothing else is kept: other pages hold private or
// changing data, so they always come from the server. Signing out empties the cache (see the
// root layout), because school Chromebooks are shared.
import { version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const APP = `tp-app-${version}`;
const READING = 'tp-walkthroughs';

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const READABLE = new RegExp(`^/(walkthroughs/${uuid}(/print)?|screenshots/${uuid})$`);

// Nothing is downloaded ahead: on a slow Chromebook, fetching the whole app at install competed
// with the page being used. The app's files are kept as pages use them.
sw.addEventListener('install', (event) => {
	event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k.startsWith('tp-app-') && k !== APP).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

// A kept page says it is the saved copy, even before (or without) its scripts: the reader page
// renders the note hidden, and this unhides it.
async function markSaved(saved: Response): Promise<Response> {
	if (!saved.headers.get('content-type')?.includes('text/html')) return saved;
	const html = (await saved.text()).replace(/<p\b[^>]*\bdata-offline-mark\b[^>]*>/, (tag) => tag.replace(/\shidden(="")?/, ''));
	return new Response(html, { status: saved.status, headers: saved.headers });
}

async function keep(request: Request, response: Response): Promise<Response> {
	if (response.ok && response.type === 'basic') await (await caches.open(READING)).put(request, response.clone());
	return response;
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (url.pathname.startsWith('/_app/')) {
		// Built files never change under their name: the cache first, then the network.
		event.respondWith(
			caches.match(request).then((hit) => hit ?? fetch(request).then((r) => (r.ok ? caches.open(APP).then((c) => c.put(request, r.clone())).then(() => r) : r)))
		);
		return;
	}
	if (READABLE.test(url.pathname)) {
		// The network first, so readers see the latest; the kept copy when there is no network.
		event.respondWith(
			fetch(request)
				.then((response) => keep(request, response))
				.catch(async () => {
					const saved = await caches.match(request, { ignoreVary: true });
					return saved ? markSaved(saved) : Response.error();
				})
		);
	}
});

// The reader page asks for itself and its screenshots to be kept, because the first visit happens
// before this worker controls the page.
sw.addEventListener('message', (event) => {
	const data = event.data as { keep?: string[]; forget?: boolean };
	if (data.forget) {
		event.waitUntil(caches.delete(READING));
		return;
	}
	const urls = (data.keep ?? []).filter((u) => {
		const url = new URL(u, sw.location.origin);
		return url.origin === sw.location.origin && READABLE.test(url.pathname);
	});
	event.waitUntil(
		Promise.all(urls.map((u) => fetch(u, { credentials: 'same-origin' }).then((r) => keep(new Request(u), r)).catch(() => undefined)))
	);
});
