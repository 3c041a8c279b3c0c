// Every page of the app, who can reach it, and a path to visit. A test keeps this list in step
// with src/routes, so a new page cannot be left out of the accessibility suite.
import { DEMO } from './helpers';

export type Visitor = 'visitor' | (typeof DEMO)[keyof typeof DEMO];

export interface RoutePage {
	id: string;
	path: string;
	who: Visitor[];
}

export const ROUTES: RoutePage[] = [
	{ id: '/', path: '/', who: ['visitor'] },
	{ id: '/login', path: '/login', who: ['visitor'] },
	{ id: '/demo', path: '/demo', who: ['visitor'] },
	{ id: '/reading', path: '/reading', who: ['visitor', DEMO.mentor] },
	{ id: '/glossary', path: '/glossary', who: ['visitor', DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor] },
	{ id: '/invite/[token]', path: '/invite/not-a-real-token', who: ['visitor'] },
	{ id: '/home', path: '/home', who: [DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor] },
	{ id: '/account', path: '/account', who: [DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor] },
	{ id: '/people', path: '/people', who: [DEMO.coordinator] },
	{ id: '/people/add-student', path: '/people/add-student', who: [DEMO.coordinator] },
	{ id: '/people/invite', path: '/people/invite', who: [DEMO.coordinator] },
	{ id: '/people/import', path: '/people/import', who: [DEMO.coordinator] },
	{ id: '/people/[userId]', path: '/people/20000000-0000-4000-8000-000000000015', who: [DEMO.coordinator] },
	{ id: '/help', path: '/help', who: [DEMO.coordinator, DEMO.teacher] },
	{ id: '/help/new', path: '/help/new', who: [DEMO.coordinator, DEMO.teacher] },
	// Seeded: Marcus's Canva request, logged by Omar and waiting for Marcus to confirm.
	{ id: '/help/[id]', path: '/help/d0000000-0000-4000-8000-000000000004', who: [DEMO.coordinator, DEMO.teacher, DEMO.mentor] },
	{ id: '/help/overview', path: '/help/overview?view=active', who: [DEMO.coordinator] },
	{ id: '/queue', path: '/queue', who: [DEMO.mentor] },
	{ id: '/portfolio', path: '/portfolio', who: [DEMO.mentor] },
	{ id: '/portfolio/[userId]', path: '/portfolio/20000000-0000-4000-8000-000000000016', who: [DEMO.coordinator] },
	{ id: '/notifications', path: '/notifications', who: [DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor] },
	{ id: '/tools', path: '/tools', who: [DEMO.coordinator, DEMO.teacher, DEMO.mentor] },
	{ id: '/walkthroughs', path: '/walkthroughs', who: [DEMO.coordinator, DEMO.teacher, DEMO.researcher, DEMO.mentor] },
	{ id: '/walkthroughs/new', path: '/walkthroughs/new', who: [DEMO.teacher, DEMO.mentor] },
	// Seeded: Sofía's Flip guide, published in Spanish and English (step 3 not yet translated).
	{
		id: '/walkthroughs/[id]',
		path: '/walkthroughs/e0000000-0000-4000-8000-000000000001?read=en&with=es',
		who: [DEMO.teacher, DEMO.researcher, DEMO.mentor]
	},
	{ id: '/walkthroughs/[id]/print', path: '/walkthroughs/e0000000-0000-4000-8000-000000000001/print', who: [DEMO.teacher] },
	// Seeded: Sofía's Canva draft; the coordinator sees it too.
	{ id: '/walkthroughs/[id]/edit', path: '/walkthroughs/e0000000-0000-4000-8000-000000000002/edit', who: [DEMO.coordinator, DEMO.mentor] }
];

/** Routes checked elsewhere: /setup exists only before a school does (see data-dir.e2e.ts); /logout only redirects. */
export const CHECKED_ELSEWHERE = ['/setup', '/logout'];
