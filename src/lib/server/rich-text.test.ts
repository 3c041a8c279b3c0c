import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { XSS_MARKER, XSS_PAYLOADS } from '../../../tests/fixtures/xss-payloads';
import { MAX_STEP_TEXT_LENGTH, plainText, renderStepText } from './rich-text';

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'ul', 'ol', 'li', 'a']);
const REL = 'noopener noreferrer nofollow';
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

type Element = { name: string; attribs: Record<string, string> };

/** Re-parses output with an independent HTML parser (entities decoded, as a browser would). */
function elementsOf(html: string): { elements: Element[]; comments: number } {
	const elements: Element[] = [];
	let comments = 0;
	const parser = new Parser(
		{
			onopentag: (name, attribs) => elements.push({ name, attribs }),
			oncomment: () => comments++,
			oncdatastart: () => comments++,
			onprocessinginstruction: () => comments++
		},
		{ decodeEntities: true }
	);
	parser.write(html);
	parser.end();
	return { elements, comments };
}

describe('renderStepText: the allowed subset', () => {
	it('renders bold', () => {
		expect(renderStepText('Press **Save** now')).toBe('<p>Press <strong>Save</strong> now</p>');
	});

	it('renders a bulleted list', () => {
		expect(renderStepText('- Open Settings\n- Tap **Wi-Fi**')).toBe(
			'<ul>\n<li>Open Settings</li>\n<li>Tap <strong>Wi-Fi</strong></li>\n</ul>'
		);
	});

	it('renders a numbered list', () => {
		expect(renderStepText('1. Unlock\n2. Swipe up')).toBe(
			'<ol>\n<li>Unlock</li>\n<li>Swipe up</li>\n</ol>'
		);
	});

	it('renders nested lists', () => {
		const html = renderStepText('- Phone\n  1. Unlock\n  2. Swipe');
		expect(html).toContain('<ul>\n<li>Phone\n<ol>\n<li>Unlock</li>');
	});

	it('renders an https link with rel and without target', () => {
		expect(renderStepText('See [the guide](https://example.com/guide?a=1&b=2).')).toBe(
			'<p>See <a href="https://example.com/guide?a=1&amp;b=2" rel="noopener noreferrer nofollow">the guide</a>.</p>'
		);
		expect(renderStepText('[x](http://example.com)')).toContain('href="http://example.com"');
		expect(renderStepText('[x](https://example.com)')).not.toContain('target');
	});

	it('turns single newlines into line breaks and blank lines into paragraphs', () => {
		expect(renderStepText('Line one\nLine two\n\nNext')).toBe(
			'<p>Line one<br />\nLine two</p>\n<p>Next</p>'
		);
	});

	it('keeps mailto links', () => {
		expect(renderStepText('[Email us](mailto:team@school.example)')).toBe(
			'<p><a href="mailto:team@school.example" rel="noopener noreferrer nofollow">Email us</a></p>'
		);
	});

	it('supports reference links to safe targets', () => {
		expect(renderStepText('[guide][g]\n\n[g]: https://example.com')).toBe(
			'<p><a href="https://example.com" rel="noopener noreferrer nofollow">guide</a></p>'
		);
	});

	it('drops link titles', () => {
		expect(renderStepText('[x](https://example.com "hello")')).not.toContain('title');
	});

	it('leaves everything outside the subset as literal text', () => {
		expect(renderStepText('# Heading')).toBe('<p># Heading</p>');
		expect(renderStepText('> quote')).toBe('<p>&gt; quote</p>');
		expect(renderStepText('`code`')).toBe('<p>`code`</p>');
		expect(renderStepText('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>');
		expect(renderStepText('*italic* and _also_')).toBe('<p>*italic* and _also_</p>');
		expect(renderStepText('![cat](https://example.com/cat.png)')).not.toContain('<img');
		expect(renderStepText('| a | b |\n|---|---|\n| 1 | 2 |')).not.toContain('<table');
		expect(renderStepText('Visit https://example.com')).toBe('<p>Visit https://example.com</p>');
		expect(renderStepText('<https://example.com>')).not.toContain('<a');
	});

	it('drops numbered-list start attributes along with every other non-link attribute', () => {
		expect(renderStepText('3. three\n4. four')).toBe('<ol>\n<li>three</li>\n<li>four</li>\n</ol>');
	});

	it('returns empty string for empty or blank input', () => {
		expect(renderStepText('')).toBe('');
		expect(renderStepText('  \n\t \n')).toBe('');
		expect(renderStepText(undefined as unknown as string)).toBe('');
	});
});

describe('renderStepText: unsafe links', () => {
	it('leaves a javascript: link as text without href', () => {
		const html = renderStepText('[x](javascript:alert(1))');
		expect(html).toBe('<p>[x](javascript:alert(1))</p>');
		expect(elementsOf(html).elements.some((el) => el.attribs.href !== undefined)).toBe(false);
	});

	it('refuses relative and protocol-relative links', () => {
		for (const target of ['/admin', 'page.html', '//evil.example', '#top', 'ftp://x.example']) {
			expect(renderStepText(`[x](${target})`)).not.toContain('href');
		}
	});

	it('strips bidi overrides from link text', () => {
		const html = renderStepText('[\u202Egnp.exe](https://example.com)');
		expect(html).toContain('>gnp.exe</a>');
		expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
	});
});

describe('renderStepText: XSS payload corpus', () => {
	it('has at least 40 distinct payloads', () => {
		expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
		expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
	});

	it.each(XSS_PAYLOADS.map((payload, index) => [index, payload] as const))(
		'payload %i is inert',
		(_index, payload) => {
			const html = renderStepText(payload);

			expect(html).not.toMatch(/<script/i);
			expect(html).not.toMatch(/<!|<\?/);
			// Every "<" in the output must start an allowed tag; text "<" is always &lt;.
			for (const [, name] of html.matchAll(/<\/?([^\s/>]*)/g)) {
				expect(ALLOWED_TAGS.has(name)).toBe(true);
			}

			const { elements, comments } = elementsOf(html);
			expect(comments).toBe(0);
			for (const { name, attribs } of elements) {
				expect(ALLOWED_TAGS.has(name)).toBe(true);
				const names = Object.keys(attribs);
				expect(names.filter((attr) => /^on/i.test(attr))).toEqual([]);
				for (const [attr, value] of Object.entries(attribs)) {
					// The marker may survive only as inert, percent-encoded path data in a safe href.
					if (value.includes(XSS_MARKER)) {
						expect(attr).toBe('href');
						expect(value).toMatch(/^https:\/\/safe\.example\/[^"'<>\s]*$/);
					}
				}
				if (name !== 'a') {
					expect(names).toEqual([]);
					continue;
				}
				expect(names.every((attr) => attr === 'href' || attr === 'rel')).toBe(true);
				expect(attribs.rel).toBe(REL);
				if (attribs.href !== undefined) {
					expect(attribs.href).toMatch(SAFE_HREF);
					expect(attribs.href).not.toMatch(/(?:javascript|vbscript|data):/i);
					// Percent-encoded: nothing that could end the attribute or smuggle a scheme.
					// eslint-disable-next-line no-control-regex -- control characters are what we look for
					expect(attribs.href).not.toMatch(/["'<>\s\u0000-\u001f]/);
				}
			}
		}
	);

	it('gives plain text within the cap for every payload', () => {
		for (const payload of XSS_PAYLOADS) {
			expect(plainText(payload).length).toBeLessThanOrEqual(MAX_STEP_TEXT_LENGTH);
		}
	});
});

describe('plainText', () => {
	it('strips markup and keeps the words', () => {
		expect(
			plainText('Press **Save**.\n\n- Open [Settings](https://example.com)\n- Tap *Wi-Fi*')
		).toBe('Press Save.\nOpen Settings\nTap Wi-Fi');
	});

	it('decodes entities rather than emitting HTML', () => {
		expect(plainText('AT&amp;T <b>bold</b>')).toBe('AT&T <b>bold</b>');
	});

	it('returns empty string for blank input', () => {
		expect(plainText(' \n ')).toBe('');
	});
});

describe('input cap', () => {
	it('truncates a 100,000-character input to the cap before rendering', () => {
		const huge = 'a'.repeat(100_000);
		expect(renderStepText(huge)).toBe(`<p>${'a'.repeat(MAX_STEP_TEXT_LENGTH)}</p>`);
		expect(plainText(huge).length).toBe(MAX_STEP_TEXT_LENGTH);
	});

	it('bounds pathological Markdown too', () => {
		const html = renderStepText('**[x](<'.repeat(20_000));
		expect(html.length).toBeLessThan(MAX_STEP_TEXT_LENGTH * 6);
	});

	it('does not split an emoji at the cut', () => {
		const text = plainText(`${'a'.repeat(MAX_STEP_TEXT_LENGTH - 1)}😀`);
		expect(text).toBe('a'.repeat(MAX_STEP_TEXT_LENGTH - 1));
	});
});
