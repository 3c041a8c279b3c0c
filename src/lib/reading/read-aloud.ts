// Read aloud with the browser's speechSynthesis. Framework-free and free of DOM globals, so every
// fallback can be unit-tested with fakes: the synthesizer and the utterance class are passed in.
//
// Why one utterance per sentence: Chrome cuts long utterances off, its pause()/resume() are
// unreliable (on Android pause() acts like cancel()), and a rate change only applies to the next
// utterance. Short utterances make pause, resume and rate changes dependable, and the 'end' of
// each one moves the sentence highlight even when the voice sends no word 'boundary' events
// (Chrome's online voices send none).

export interface TextRange {
	start: number;
	end: number;
}

export interface Sentence extends TextRange {
	/** Exactly `original.slice(start, end)`, without surrounding white space. */
	text: string;
}

/** The parts of SpeechSynthesisVoice used here. */
export interface VoiceLike {
	name: string;
	lang: string;
	localService: boolean;
	default?: boolean;
}

/** The parts of SpeechSynthesisEvent / SpeechSynthesisErrorEvent used here. */
export interface UtteranceEventLike {
	name?: string;
	charIndex?: number;
	charLength?: number;
	error?: string;
}

type UtteranceEventType = 'start' | 'end' | 'error' | 'boundary';

/** The parts of SpeechSynthesisUtterance used here. */
export interface UtteranceLike {
	text: string;
	lang: string;
	rate: number;
	voice: VoiceLike | null;
	addEventListener(type: UtteranceEventType, listener: (event: UtteranceEventLike) => void): void;
}

export type UtteranceCtor = new (text: string) => UtteranceLike;

/** The parts of SpeechSynthesis used here. */
export interface SynthLike {
	speak(utterance: UtteranceLike): void;
	cancel(): void;
	getVoices(): VoiceLike[];
	addEventListener(type: 'voiceschanged', listener: () => void): void;
	removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export type ReadAloudStatus = 'idle' | 'playing' | 'paused' | 'no-voice';

export interface ReadAloudState {
	status: ReadAloudStatus;
	/** The sentence being read (or paused in); -1 when idle. */
	sentenceIndex: number;
	/** The word being read, as offsets into the whole text; null when the voice sends no word boundaries. */
	word: TextRange | null;
}

export interface ReadAloudOptions {
	onChange?: (state: ReadAloudState) => void;
	/** How long play() waits for 'voiceschanged' when the voice list is still empty. */
	voiceTimeoutMs?: number;
}

export const MIN_RATE = 0.5;
export const MAX_RATE = 2;

export function clampRate(rate: number): number {
	if (!Number.isFinite(rate)) return 1;
	return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

/** The sentence ranges of `text`, trimmed of white space, as offsets into `text`. */
export function splitSentences(text: string, lang: string): Sentence[] {
	if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function') {
		let segmenter: Intl.Segmenter | null = null;
		try {
			segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' });
		} catch {
			// An invalid language tag: use the regular expression below.
		}
		if (segmenter) {
			const out: Sentence[] = [];
			for (const { segment, index } of segmenter.segment(text))
				pushTrimmed(out, text, index, index + segment.length);
			return out;
		}
	}
	return splitSentencesByPunctuation(text);
}

/** Fallback without Intl.Segmenter: breaks after . ! ? … and the Arabic, Urdu and CJK stops, and at line breaks. */
export function splitSentencesByPunctuation(text: string): Sentence[] {
	const out: Sentence[] = [];
	const stop = /[.!?…؟۔。！？]+["'”’»)\]]*(?=\s|$)|\n/gu;
	let from = 0;
	for (const match of text.matchAll(stop)) {
		const end = match.index + match[0].length;
		pushTrimmed(out, text, from, end);
		from = end;
	}
	pushTrimmed(out, text, from, text.length);
	return out;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
	while (start < end && /\s/u.test(text[start])) start++;
	while (end > start && /\s/u.test(text[end - 1])) end--;
	if (end > start) out.push({ text: text.slice(start, end), start, end });
}

const normalizeTag = (tag: string) => tag.trim().replace(/_/g, '-').toLowerCase();
const baseOf = (tag: string) => normalizeTag(tag).split('-')[0];

/** The best voice for a BCP-47 tag: same tag (es-MX), else same language (es); local voices win ties. */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
	const wanted = normalizeTag(lang);
	if (!wanted) return null;
	const best = (candidates: V[]) =>
		candidates.find((v) => v.localService && v.default) ??
		candidates.find((v) => v.localService) ??
		candidates.find((v) => v.default) ??
		candidates[0] ??
		null;
	return (
		best(voices.filter((v) => normalizeTag(v.lang) === wanted)) ??
		best(voices.filter((v) => baseOf(v.lang) === baseOf(wanted)))
	);
}

/** The voice list; if it is still empty, waits for 'voiceschanged' up to `timeoutMs`, then returns what there is. */
export function waitForVoices(synth: SynthLike, timeoutMs = 2000): Promise<VoiceLike[]> {
	const now = synth.getVoices();
	if (now.length > 0) return Promise.resolve(now);
	return new Promise((resolve) => {
		const finish = () => {
			clearTimeout(timer);
			synth.removeEventListener('voiceschanged', changed);
			resolve(synth.getVoices());
		};
		const changed = () => {
			if (synth.getVoices().length > 0) finish();
		};
		const timer = setTimeout(finish, timeoutMs);
		synth.addEventListener('voiceschanged', changed);
	});
}

/** Length of the word starting at `index`, for voices whose boundary events carry no charLength. */
function wordLength(text: string, index: number): number {
	const rest = text.slice(index);
	const match = /^[\p{L}\p{M}\p{N}'’-]+/u.exec(rest) ?? /^\S+/u.exec(rest);
	return match ? match[0].length : 0;
}

/** The page has one speech queue: the controller that spoke last owns it. */
const owners = new WeakMap<SynthLike, ReadAloud>();

export class ReadAloud {
	#synth: SynthLike;
	#Utterance: UtteranceCtor;
	#options: ReadAloudOptions;
	#state: ReadAloudState = { status: 'idle', sentenceIndex: -1, word: null };
	#sentences: Sentence[] = [];
	#lang = '';
	#voice: VoiceLike | null = null;
	#voices: VoiceLike[] = [];
	#langAt: ((offset: number) => string) | null = null;
	#rate = 1;
	/** Bumped by play() and stop(): a play() still waiting for voices then gives up. */
	#run = 0;
	/** The utterance whose events count; events of cancelled ones are ignored. Also keeps it from being garbage-collected (a Chrome bug drops its 'end' event otherwise). */
	#current: UtteranceLike | null = null;

	constructor(synth: SynthLike, Utterance: UtteranceCtor, options: ReadAloudOptions = {}) {
		this.#synth = synth;
		this.#Utterance = Utterance;
		this.#options = options;
		synth.getVoices(); // Chrome starts loading its voice list on the first call.
	}

	get state(): ReadAloudState {
		return this.#state;
	}

	get rate(): number {
		return this.#rate;
	}

	/**
	 * Reads `text` from the start. Resolves once speaking has begun, or with status 'no-voice'.
	 * `langAt` gives the language of the words at an offset, for text that mixes languages (a
	 * step not yet translated): each sentence is read by a voice for its own language when there
	 * is one, else by the voice for `lang`.
	 */
	async play(text: string, lang: string, rate: number = this.#rate, langAt?: (offset: number) => string): Promise<void> {
		const run = ++this.#run;
		this.#halt();
		this.#rate = clampRate(rate);
		const voices = await waitForVoices(this.#synth, this.#options.voiceTimeoutMs);
		if (run !== this.#run) return; // stop() or another play() came in meanwhile
		const voice = pickVoice(voices, lang);
		if (!voice) {
			this.#set({ status: 'no-voice', sentenceIndex: -1, word: null });
			return;
		}
		this.#sentences = splitSentences(text, lang);
		this.#lang = lang;
		this.#voice = voice;
		this.#voices = voices;
		this.#langAt = langAt ?? null;
		if (this.#sentences.length === 0) this.#set({ status: 'idle', sentenceIndex: -1, word: null });
		else this.#speak(0);
	}

	/** Stops speaking but remembers the sentence; resume() reads that sentence again from its start. */
	pause(): void {
		if (this.#state.status !== 'playing') return;
		this.#halt();
		this.#set({ ...this.#state, status: 'paused', word: null });
	}

	resume(): void {
		if (this.#state.status !== 'paused') return;
		this.#speak(this.#state.sentenceIndex);
	}

	stop(): void {
		this.#run++;
		this.#halt();
		if (owners.get(this.#synth) === this) owners.delete(this.#synth);
		this.#set({ status: 'idle', sentenceIndex: -1, word: null });
	}

	/** Clamped to 0.5–2. While playing, the current sentence starts again at the new rate. */
	setRate(rate: number): void {
		this.#rate = clampRate(rate);
		if (this.#state.status === 'playing') {
			this.#halt();
			this.#speak(this.#state.sentenceIndex);
		}
	}

	/** Another controller took the speech queue: go idle without touching it. */
	#release(): void {
		this.#run++;
		this.#current = null;
		this.#set({ status: 'idle', sentenceIndex: -1, word: null });
	}

	#halt(): void {
		if (!this.#current) return;
		this.#current = null;
		this.#synth.cancel();
	}

	#speak(index: number): void {
		const other = owners.get(this.#synth);
		if (other && other !== this) {
			other.#halt();
			other.#release();
		}
		owners.set(this.#synth, this);
		const sentence = this.#sentences[index];
		const utterance = new this.#Utterance(sentence.text);
		const lang = this.#langAt?.(sentence.start) || this.#lang;
		const own = lang === this.#lang ? null : pickVoice(this.#voices, lang);
		utterance.lang = own ? lang : this.#lang;
		utterance.voice = own ?? this.#voice;
		utterance.rate = this.#rate;
		const mine = () => this.#current === utterance;
		utterance.addEventListener('boundary', (event) => {
			if (!mine() || event.name !== 'word' || typeof event.charIndex !== 'number') return;
			const length =
				event.charLength && event.charLength > 0
					? event.charLength
					: wordLength(sentence.text, event.charIndex);
			const start = sentence.start + event.charIndex;
			this.#set({ ...this.#state, word: { start, end: Math.min(sentence.end, start + length) } });
		});
		utterance.addEventListener('end', () => {
			if (!mine()) return;
			this.#current = null;
			if (index + 1 < this.#sentences.length) this.#speak(index + 1);
			else this.stop();
		});
		utterance.addEventListener('error', (event) => {
			if (!mine()) return;
			this.#current = null;
			if (event.error === 'language-unavailable' || event.error === 'voice-unavailable') {
				this.#synth.cancel();
				this.#set({ status: 'no-voice', sentenceIndex: -1, word: null });
			} else this.stop();
		});
		this.#current = utterance;
		this.#set({ status: 'playing', sentenceIndex: index, word: null });
		this.#synth.speak(utterance);
	}

	#set(state: ReadAloudState): void {
		this.#state = state;
		this.#options.onChange?.(state);
	}
}
