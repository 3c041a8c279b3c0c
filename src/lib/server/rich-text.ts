/**
 * The one audited place where student-written Markdown becomes HTML.
 *
 * Lives under $lib/server so SvelteKit refuses to bundle it (and markdown-it / sanitize-html)
 * for the browser. Output is meant for RichText.svelte, the only {@html} for user text.
 *
 * Two independent layers: markdown-it can only produce the small subset below and refuses unsafe
 * links; sanitize-html then re-parses the result against a strict allowlist, so a bug or upgrade
 * in either layer alone does not open an XSS hole.
 */
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Longer input is cut before parsing so one huge paste cannot stall the server. */
export const MAX_STEP_TEXT_LENGTH = 10_000;

const LINK_REL = 'noopener noreferrer nofollow';

/**
 * Absolute http(s) and mailto only. Anchored with no trimming: anything with leading whitespace,
 * control characters or entity tricks fails. Relative and protocol-relative URLs fail too, since a
 * walkthrough has no business pointing at "//evil.example" or at our own routes.
 */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s]/i;

/**
 * Bidi embeddings, overrides and isolates. Stripped from link text only, where they can make the
 * visible text disagree with where the link goes; Arabic prose elsewhere may legitimately use them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** C0 controls other than tab/LF/CR, plus DEL: no use in prose, and URL parsers skip some. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const STRAY_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// 'zero' starts with everything off; enable only the agreed subset. No html, no linkify, no
// autolinks, headings, images, code, tables or quotes: those stay literal text.
const md = new MarkdownIt('zero', {
	html: false,
	linkify: false,
	typographer: false,
	// Students press Enter expecting a new line, not CommonMark's joined paragraph.
	breaks: true,
	// Also bounds the work done on deeply nested lists; deeper content is dropped, not crashed on.
	maxNesting: 20
});
md.enable(['list', 'reference', 'newline', 'escape', 'entity', 'emphasis', 'link']);

// Every link target passes through here (inline and reference links), after normalizeLink has
// percent-encoded whitespace and control characters.
md.validateLink = (url: string): boolean => SAFE_HREF.test(url);

// Rebuild the tag from scratch so no other attribute (title, target, ...) can slip through.
md.renderer.rules.link_open = (tokens: Token[], idx: number): string => {
	const href = String(tokens[idx].attrGet('href') ?? '');
	return SAFE_HREF.test(href)
		? `<a href="${md.utils.escapeHtml(href)}" rel="${LINK_REL}">`
		: `<a rel="${LINK_REL}">`;
};

// The 'emphasis' rule is needed for **bold** but also makes *italic*; italics are outside the
// subset, so show the student's asterisks/underscores as typed rather than silently eating them.
md.renderer.rules.em_open = (tokens: Token[], idx: number): string =>
	md.utils.escapeHtml(tokens[idx].markup);
md.renderer.rules.em_close = md.renderer.rules.em_open;

md.core.ruler.push('strip_bidi_in_link_text', (state: StateCore): void => {
	for (const block of state.tokens) {
		if (block.type !== 'inline' || !block.children) continue;
		let depth = 0;
		for (const token of block.children) {
			if (token.type === 'link_open') depth++;
			else if (token.type === 'link_close') depth = Math.max(0, depth - 1);
			else if (depth > 0 && token.type === 'text') {
				token.content = token.content.replace(BIDI_CONTROLS, '');
			}
		}
	}
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'ul', 'ol', 'li', 'a'],
	// Only a[href, rel]. sanitize-html 2.17.6 fixed scheme checks for URI attributes other than
	// href/src/cite (GHSA); we allow no such attribute, so 2.17.5 (last for Node 20) is not exposed.
	allowedAttributes: { a: ['href', 'rel'] },
	allowedClasses: {},
	allowedStyles: {},
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	transformTags: {
		// Second, independent check of the href, and rel forced regardless of what arrived.
		a: (tagName, attribs) => {
			const kept: Record<string, string> =
				attribs.href && SAFE_HREF.test(attribs.href) ? { href: attribs.href, rel: LINK_REL } : { rel: LINK_REL };
			return { tagName, attribs: kept };
		}
	}
};

/** Caps, cleans and rejects blank input; '' means "nothing to render". */
function prepare(markdown: unknown): string {
	if (typeof markdown !== 'string') return '';
	let text = markdown.slice(0, MAX_STEP_TEXT_LENGTH);
	// Do not leave half of a surrogate pair (emoji) at the cut.
	if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
	text = text.replace(STRAY_CONTROLS, '');
	return text.trim() === '' ? '' : text;
}

/**
 * Student Markdown (paragraphs, line breaks, **bold**, bulleted and numbered lists, http/https/
 * mailto links) to sanitized HTML. Anything else shows as literal text. Input over
 * MAX_STEP_TEXT_LENGTH characters is truncated first.
 */
export function renderStepText(markdown: string): string {
	const source = prepare(markdown);
	if (!source) return '';
	return sanitizeHtml(md.render(source), SANITIZE_OPTIONS).trim();
}

/**
 * The words without markup, one block per line, for search indexing, read-aloud and previews.
 * This is plain text, not HTML: escape it like any other user text when displaying it.
 */
export function plainText(markdown: string): string {
	const source = prepare(markdown);
	if (!source) return '';
	const parts: string[] = [];
	for (const token of md.parse(source, {})) {
		if (token.type === 'inline') {
			for (const child of token.children ?? []) {
				if (child.type === 'text') parts.push(child.content);
				else if (child.type === 'softbreak' || child.type === 'hardbreak') parts.push('\n');
			}
		} else if (token.type === 'paragraph_close' || token.type === 'list_item_close') {
			parts.push('\n');
		}
	}
	return parts
		.join('')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.join('\n');
}
