// The JavaScript a page ships, gzipped: every module the page references (script src,
// modulepreload links in the HTML and in the HTTP Link header, where SvelteKit puts them, and the
// imports of SvelteKit's inline bootstrap script) plus, recursively,
// the static imports inside those modules. Dynamic import() inside modules is not followed:
// app.js lazily imports every page's node, and only this page's nodes are preloaded.
import { gzipSync } from 'node:zlib';

const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];

/** Module URLs referenced by a page's HTML, resolved against the page URL. */
export function modulesInHtml(html, pageUrl) {
	const found = new Set();
	const add = (ref) => ref && found.add(new URL(ref, pageUrl).href);
	for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) add(attr(tag, 'src'));
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		if (/\brel\s*=\s*["']?modulepreload/i.test(tag)) add(attr(tag, 'href'));
	}
	// Inline scripts: import("...") and import ... from "..." paths under /_app/.
	for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
		for (const [, ref] of body.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g))
			if (ref.includes('/_app/')) add(ref);
		for (const [, ref] of body.matchAll(/\bfrom\s*["']([^"']+)["']/g))
			if (ref.includes('/_app/')) add(ref);
	}
	return [...found];
}

/** Module URLs in an HTTP Link header with rel="modulepreload". */
export function modulesInLinkHeader(header, pageUrl) {
	if (!header) return [];
	return header
		.split(/,(?=\s*<)/)
		.filter((part) => /;\s*rel\s*=\s*"?modulepreload"?/i.test(part))
		.map((part) => new URL(part.match(/<([^>]+)>/)[1], pageUrl).href);
}

/** Static imports of a minified module: from"./x.js", import"./x.js" (also export ... from). */
export function staticImports(code, moduleUrl) {
	const refs = new Set();
	for (const [, ref] of code.matchAll(/\bfrom\s*["']([^"']+\.js)["']/g)) refs.add(ref);
	for (const [, ref] of code.matchAll(/\bimport\s*["']([^"']+\.js)["']/g)) refs.add(ref);
	return [...refs].filter((r) => /^(\.{1,2}\/|\/)/.test(r)).map((r) => new URL(r, moduleUrl).href);
}

/** Fetches the page and its module graph; returns { kb, files, bytes } (kb = gzipped KB). */
export async function jsWeight(pageUrl, cookie) {
	const headers = cookie ? { cookie } : {};
	const page = await fetch(pageUrl, { headers, redirect: 'manual' });
	if (page.status !== 200)
		throw new Error(`${pageUrl} answered ${page.status} while measuring its JavaScript`);
	const queue = [
		...new Set([
			...modulesInLinkHeader(page.headers.get('link'), pageUrl),
			...modulesInHtml(await page.text(), pageUrl)
		])
	];
	const sizes = new Map(); // url -> gzipped bytes
	while (queue.length) {
		const url = queue.shift();
		if (sizes.has(url)) continue;
		const res = await fetch(url, { headers });
		if (res.status !== 200)
			throw new Error(`${url} (a module of ${pageUrl}) answered ${res.status}`);
		const code = Buffer.from(await res.arrayBuffer());
		sizes.set(url, gzipSync(code, { level: 9 }).length);
		queue.push(...staticImports(code.toString('utf8'), url).filter((u) => !sizes.has(u)));
	}
	// The page's own component (a node) must be among them, or the collection missed something.
	if (![...sizes.keys()].some((u) => u.includes('/_app/immutable/nodes/'))) {
		throw new Error(
			`No page node module found for ${pageUrl}: the JavaScript collection is incomplete`
		);
	}
	const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
	return { kb: bytes / 1024, files: sizes.size, bytes };
}
