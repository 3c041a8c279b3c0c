// Read-aloud of text already on the page: the words are read where they stand and highlighted
// there, instead of being printed a second time in a box. This gathers the text of some elements
// into one string (what the voice reads) and maps offsets in that string back to the page's own
// text nodes (what gets highlighted).

import type { TextRange } from './read-aloud';

interface Piece {
	node: Text;
	/** Where this text node starts in the gathered string. */
	start: number;
}

export interface PageText {
	text: string;
	/** The language of the words at an offset (from the nearest lang attribute), so each block is read by a voice for its own language. */
	langAt(offset: number): string;
	/** A DOM range over the page's own text for a range of the gathered string. */
	range(r: TextRange): Range | null;
}

/** Elements that start a new line: text in two of them never runs together into one sentence. */
const BLOCKS = 'p, li, dt, dd, h1, h2, h3, h4, aside, figcaption, td, th, article, section, div';

/** Gathers the visible text of `elements`, in order. Parts marked data-no-read are skipped. */
export function gatherPageText(elements: Iterable<Element>, fallbackLang: string): PageText {
	const pieces: Piece[] = [];
	let text = '';
	let lastBlock: Element | null = null;
	for (const root of elements) {
		const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
			const parent = node.parentElement;
			if (!parent || !node.data || parent.closest('[data-no-read], [hidden], script, style')) continue;
			const block = parent.closest(BLOCKS);
			// White space between blocks is only the markup's layout; inside a block it parts words.
			if (!node.data.trim() && block !== lastBlock) continue;
			if (text && block !== lastBlock) text += '\n';
			lastBlock = block;
			pieces.push({ node, start: text.length });
			text += node.data;
		}
		lastBlock = null;
	}

	/** The text node holding `offset`, and where in it. At a boundary, the earlier node wins when `end` is set. */
	const locate = (offset: number, end: boolean) => {
		let i = pieces.length - 1;
		while (i > 0 && (end ? pieces[i].start >= offset : pieces[i].start > offset)) i--;
		const piece = pieces[i];
		return piece ? { node: piece.node, at: Math.max(0, Math.min(piece.node.data.length, offset - piece.start)) } : null;
	};

	return {
		text,
		langAt(offset) {
			const hit = locate(offset, false);
			return hit?.node.parentElement?.closest('[lang]')?.getAttribute('lang') || fallbackLang;
		},
		range({ start, end }) {
			const from = locate(start, false);
			const to = locate(end, true);
			if (!from || !to) return null;
			const range = from.node.ownerDocument.createRange();
			range.setStart(from.node, from.at);
			range.setEnd(to.node, to.at);
			return range;
		}
	};
}
