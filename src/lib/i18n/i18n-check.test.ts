import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs scripts/i18n-check.js on a set of locale files and returns what it printed. */
function check(locales: Record<string, object>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i18n-check-'));
	for (const [lang, json] of Object.entries(locales))
		fs.writeFileSync(path.join(dir, `${lang}.json`), JSON.stringify(json));
	try {
		return execFileSync('node', ['scripts/i18n-check.js', dir], {
			encoding: 'utf8',
			stdio: 'pipe'
		});
	} catch (e) {
		return String((e as { stderr?: string }).stderr);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('scripts/i18n-check.js', () => {
	it('passes the real locale files', () => {
		expect(check({})).toContain('en.json is missing'); // sanity: the directory argument is used
		const out = execFileSync('node', ['scripts/i18n-check.js'], { encoding: 'utf8' });
		expect(out).toMatch(/all complete/);
	});

	it('refuses a number that is not count in a plural family', () => {
		const out = check({
			en: { portfolio: { pending_hours: '{{hours}} more hours are waiting.' } }
		});
		expect(out).toContain('en.json: portfolio.pending_hours shows {{hours}}');
	});

	it('allows _zero in every language, and asks every language for it when English has one', () => {
		const en = {
			n: { unread_zero: 'No news.', unread_one: '{{count}} new', unread_other: '{{count}} new' }
		};
		const out = check({
			en,
			es: {
				n: {
					unread_one: '{{count}} nueva',
					unread_many: '{{count}} nuevas',
					unread_other: '{{count}} nuevas'
				}
			},
			vi: { n: { unread_zero: 'Không có.', unread_other: '{{count}} mới' } }
		});
		expect(out).not.toMatch(/unread_zero is (not an English plural form|a plural form)/);
		expect(out).toContain('es.json: missing n.unread_zero');
		expect(out).not.toContain('vi.json: missing n.unread_zero');
	});

	it('refuses a listed Arabic verb right before a name, and accepts a noun phrase or the passive', () => {
		const en = {
			events: {
				claimed: '{{name}} took the request.',
				logged: '{{name}} wrote it down.',
				posted: '{{name}} asked.'
			}
		};
		const out = check({
			en,
			ar: {
				events: {
					claimed: 'تولّى {{name}} الطلب.',
					logged: 'تم تسجيل الجلسة بواسطة {{name}}.',
					posted: 'طلب مساعدة جديد من {{name}}.'
				}
			}
		});
		expect(out).toContain('ar.json: events.claimed puts the verb "تولّى" before {{name}}');
		expect(out).not.toContain('events.logged puts');
		expect(out).not.toContain('events.posted puts');
	});
});
