import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './helpers';
import { ROUTES, type Visitor } from './routes';

// "Every interactive element on a page has a unique accessible name, where two could be confused."
// Two elements COULD BE CONFUSED when a screen-reader user, listing the page's links or buttons,
// meets the same role and the same accessible name twice but they do different things:
//   - links: same name, different destination (the resolved href without its #fragment);
//   - buttons that submit a form: same name, different form action, method or hidden fields
//     (so two "Claim this request" buttons for two requests are confused, one button repeated is not);
//   - buttons without a form run a script: same name and same id-less place cannot be told apart,
//     so they are compared by the id of what they control (aria-controls), when they say.
// Same name and same target (the header's "Home" and a "Home" button to /home) is fine.
// The accessible name is Chromium's own, read from its accessibility tree (what a screen reader
// gets), so names made of visible and visually hidden text, aria-label and <bdi> count as they are.

interface Interactive {
	role: string;
	name: string;
	target: string;
}

/** What activating the element does: where a link goes, or what a submit button sends where. */
function targetOf(this: Element): string {
	if (this instanceof HTMLAnchorElement) {
		const url = new URL(this.href);
		url.hash = '';
		return url.href;
	}
	const b = this as HTMLButtonElement;
	if (b.form && b.type === 'submit') {
		const hidden = [...b.form.querySelectorAll<HTMLInputElement>('input[type=hidden]')].map((i) => `${i.name}=${i.value}`).sort();
		return [b.formAction, b.formMethod || b.form.method, b.name ? `${b.name}=${b.value}` : '', ...hidden].join(' ');
	}
	return `script:${b.getAttribute('aria-controls') ?? ''}`;
}

async function interactiveElements(page: Page): Promise<Interactive[]> {
	const cdp = await page.context().newCDPSession(page);
	try {
		await cdp.send('DOM.getDocument', { depth: 0 });
		const { nodes } = await cdp.send('Accessibility.getFullAXTree');
		const out: Interactive[] = [];
		for (const n of nodes) {
			const role = n.role?.value as string | undefined;
			if (n.ignored || (role !== 'link' && role !== 'button') || n.backendDOMNodeId === undefined) continue;
			const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId });
			const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: targetOf.toString(), returnByValue: true });
			const name = String(n.name?.value ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
			out.push({ role, name, target: String(result.value) });
		}
		return out;
	} finally {
		await cdp.detach();
	}
}

/** Pairs of elements with the same role and name but different targets. */
function confusions(elements: Interactive[]): string[] {
	const byName = new Map<string, Interactive[]>();
	for (const e of elements) byName.set(`${e.role}|${e.name}`, [...(byName.get(`${e.role}|${e.name}`) ?? []), e]);
	return [...byName.entries()]
		.filter(([, list]) => new Set(list.map((e) => e.target)).size > 1)
		.map(([key, list]) => `${key}: ${[...new Set(list.map((e) => e.target))].join(' | ')}`);
}

const people: Visitor[] = ['visitor', ...new Set(ROUTES.flatMap((r) => r.who).filter((w) => w !== 'visitor'))];

for (const who of people) {
	test(`${who}: no two links or buttons with the same name do different things, on every page of the suite`, async ({ page }) => {
		test.setTimeout(120_000);
		if (who !== 'visitor') await signInAsDemo(page, who);
		const found: string[] = [];
		for (const route of ROUTES.filter((r) => r.who.includes(who))) {
			await page.goto(route.path);
			for (const c of confusions(await interactiveElements(page))) found.push(`${route.path} ${c}`);
		}
		expect(found).toEqual([]);
	});
}

test('the check finds confusable names: two "Claim" buttons for different requests would fail it', () => {
	const claim = (id: string) => ({ role: 'button', name: 'claim this request', target: `?/claim post request_id=${id}` });
	expect(confusions([claim('a'), claim('b')])).toHaveLength(1);
	expect(confusions([claim('a'), claim('a')])).toHaveLength(0);
	const home = (href: string) => ({ role: 'link', name: 'home', target: href });
	expect(confusions([home('/home'), home('/')])).toHaveLength(1);
});
