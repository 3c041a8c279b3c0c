import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	ReadAloud,
	clampRate,
	pickVoice,
	splitSentences,
	splitSentencesByPunctuation,
	waitForVoices,
	type ReadAloudState,
	type SynthLike,
	type UtteranceEventLike,
	type VoiceLike
} from './read-aloud';

type Listener = (event: UtteranceEventLike) => void;

/** Stands in for SpeechSynthesisUtterance: the test fires its events by hand. */
class FakeUtterance {
	lang = '';
	rate = 1;
	voice: VoiceLike | null = null;
	#listeners = new Map<string, Listener[]>();
	constructor(public text: string) {}
	addEventListener(type: string, listener: Listener) {
		this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
	}
	fire(type: 'start' | 'end' | 'error' | 'boundary', event: UtteranceEventLike = {}) {
		for (const listener of this.#listeners.get(type) ?? []) listener(event);
	}
	/** A word boundary, as Chrome's local voices send them: offsets within this utterance's text. */
	word(word: string) {
		this.fire('boundary', {
			name: 'word',
			charIndex: this.text.indexOf(word),
			charLength: word.length
		});
	}
}

/** Stands in for window.speechSynthesis. */
class FakeSynth implements SynthLike {
	spoken: FakeUtterance[] = [];
	cancels = 0;
	#voiceListeners = new Set<() => void>();
	constructor(public voices: VoiceLike[] = []) {}
	speak = vi.fn((u: FakeUtterance) => {
		this.spoken.push(u);
	});
	cancel() {
		this.cancels++;
	}
	getVoices() {
		return this.voices;
	}
	addEventListener(_type: 'voiceschanged', listener: () => void) {
		this.#voiceListeners.add(listener);
	}
	removeEventListener(_type: 'voiceschanged', listener: () => void) {
		this.#voiceListeners.delete(listener);
	}
	loadVoices(voices: VoiceLike[]) {
		this.voices = voices;
		for (const listener of [...this.#voiceListeners]) listener();
	}
	get listening() {
		return this.#voiceListeners.size;
	}
	get last(): FakeUtterance {
		return this.spoken[this.spoken.length - 1];
	}
}

const voice = (lang: string, name = lang, localService = true, isDefault = false): VoiceLike => ({
	lang,
	name,
	localService,
	default: isDefault
});

const ES = voice('es-ES', 'Mónica');
const TEXT = '¿Qué es Flip? Es una app para grabar videos.';

function setup(voices: VoiceLike[] = [ES], voiceTimeoutMs = 1000) {
	const synth = new FakeSynth(voices);
	const states: ReadAloudState[] = [];
	const reader = new ReadAloud(synth, FakeUtterance, {
		voiceTimeoutMs,
		onChange: (s) => states.push(s)
	});
	return { synth, states, reader };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('splitSentences', () => {
	it('splits Spanish with ¿…? into two sentences with offsets into the text', () => {
		const sentences = splitSentences('¿Qué es Flip? Es una app.', 'es');
		expect(sentences).toEqual([
			{ text: '¿Qué es Flip?', start: 0, end: 13 },
			{ text: 'Es una app.', start: 14, end: 25 }
		]);
	});

	it('splits Arabic at ؟ and .', () => {
		const text = 'ما هو فليب؟ إنه تطبيق. جرّبه الآن';
		const sentences = splitSentences(text, 'ar');
		expect(sentences.map((s) => s.text)).toEqual(['ما هو فليب؟', 'إنه تطبيق.', 'جرّبه الآن']);
		for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
	});

	it('falls back to punctuation without Intl.Segmenter, for Spanish and Arabic', () => {
		expect(splitSentencesByPunctuation('¿Qué es Flip? Es una app.').map((s) => s.text)).toEqual([
			'¿Qué es Flip?',
			'Es una app.'
		]);
		expect(splitSentencesByPunctuation('ما هو فليب؟ إنه تطبيق.').map((s) => s.text)).toEqual([
			'ما هو فليب؟',
			'إنه تطبيق.'
		]);
		expect(splitSentencesByPunctuation('Version 2.5 is out! Try it\nNow')).toEqual([
			{ text: 'Version 2.5 is out!', start: 0, end: 19 },
			{ text: 'Try it', start: 20, end: 26 },
			{ text: 'Now', start: 27, end: 30 }
		]);
	});

	it('uses the fallback when Intl.Segmenter is missing or the tag is invalid', () => {
		expect(splitSentences('Uno. Dos.', 'not a tag!!').map((s) => s.text)).toEqual(['Uno.', 'Dos.']);
		vi.stubGlobal('Intl', { ...Intl, Segmenter: undefined });
		try {
			expect(splitSentences('¿Qué es Flip? Es una app.', 'es')).toHaveLength(2);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('returns nothing for blank text', () => {
		expect(splitSentences('  \n ', 'en')).toEqual([]);
	});
});

describe('pickVoice', () => {
	const voices = [
		voice('en-US'),
		voice('es-ES', 'Spain'),
		voice('es-MX', 'Mexico online', false),
		voice('es_MX', 'Mexico local')
	];

	it('prefers the exact region, and a local voice among equals', () => {
		expect(pickVoice(voices, 'es-MX')?.name).toBe('Mexico local');
		expect(pickVoice(voices, 'ES-mx')?.name).toBe('Mexico local');
	});

	it('falls back to the same base language', () => {
		expect(pickVoice(voices, 'es-AR')?.name).toBe('Spain');
		expect(pickVoice(voices, 'es')?.name).toBe('Spain');
		expect(
			pickVoice([voice('es-US', 'US online', false), voice('es-ES', 'Spain local')], 'es')?.name
		).toBe('Spain local');
	});

	it('returns null when no voice speaks the language', () => {
		expect(pickVoice(voices, 'ar')).toBeNull();
		expect(pickVoice([], 'es')).toBeNull();
		expect(pickVoice(voices, '')).toBeNull();
	});
});

describe('waitForVoices', () => {
	it('resolves at once when voices are already there', async () => {
		const synth = new FakeSynth([ES]);
		await expect(waitForVoices(synth, 1000)).resolves.toEqual([ES]);
		expect(synth.listening).toBe(0);
	});

	it('waits for voiceschanged when the list starts empty', async () => {
		vi.useFakeTimers();
		const synth = new FakeSynth([]);
		const pending = waitForVoices(synth, 1000);
		synth.loadVoices([]); // an event with still no voices keeps waiting
		expect(synth.listening).toBe(1);
		synth.loadVoices([ES]);
		await expect(pending).resolves.toEqual([ES]);
		expect(synth.listening).toBe(0);
	});

	it('gives up after the timeout with an empty list', async () => {
		vi.useFakeTimers();
		const synth = new FakeSynth([]);
		const pending = waitForVoices(synth, 1000);
		await vi.advanceTimersByTimeAsync(1000);
		await expect(pending).resolves.toEqual([]);
		expect(synth.listening).toBe(0);
	});
});

describe('ReadAloud', () => {
	it('reports no-voice and speaks nothing when no voice has the language', async () => {
		const { synth, reader } = setup([voice('en-US')]);
		await reader.play(TEXT, 'es', 1);
		expect(reader.state.status).toBe('no-voice');
		expect(synth.speak).not.toHaveBeenCalled();
	});

	it('plays once voices arrive after voiceschanged', async () => {
		vi.useFakeTimers();
		const { synth, reader } = setup([]);
		const playing = reader.play(TEXT, 'es-MX', 1);
		expect(synth.speak).not.toHaveBeenCalled();
		synth.loadVoices([voice('en-US'), ES]);
		await playing;
		expect(reader.state).toEqual({ status: 'playing', sentenceIndex: 0, word: null });
		expect(synth.last.text).toBe('¿Qué es Flip?');
		expect(synth.last.voice).toBe(ES);
		expect(synth.last.lang).toBe('es-MX');
	});

	it('reads each sentence with a voice for its own language, and the main voice when there is none', async () => {
		const EN = voice('en-US');
		const { synth, reader } = setup([ES, EN]);
		const text = 'Abre Flip. Press record. Mehr.';
		const langAt = (offset: number) => (offset >= 11 && offset < 24 ? 'en' : offset >= 25 ? 'de' : 'es');
		await reader.play(text, 'es', 1, langAt);
		expect([synth.last.text, synth.last.lang, synth.last.voice]).toEqual(['Abre Flip.', 'es', ES]);
		synth.last.fire('end');
		expect([synth.last.text, synth.last.lang, synth.last.voice]).toEqual(['Press record.', 'en', EN]);
		synth.last.fire('end');
		// No German voice: the main language's voice reads it rather than nothing.
		expect([synth.last.text, synth.last.lang, synth.last.voice]).toEqual(['Mehr.', 'es', ES]);
	});

	it('reports no-voice when voices never arrive', async () => {
		vi.useFakeTimers();
		const { synth, reader } = setup([], 500);
		const playing = reader.play(TEXT, 'es', 1);
		await vi.advanceTimersByTimeAsync(500);
		await playing;
		expect(reader.state.status).toBe('no-voice');
		expect(synth.speak).not.toHaveBeenCalled();
	});

	it('without boundary events, moves the sentence on each end and leaves word null', async () => {
		const { synth, states, reader } = setup();
		await reader.play(TEXT, 'es', 1);
		expect(synth.spoken.map((u) => u.text)).toEqual(['¿Qué es Flip?']);
		synth.last.fire('start');
		synth.last.fire('end');
		expect(reader.state).toEqual({ status: 'playing', sentenceIndex: 1, word: null });
		expect(synth.spoken.map((u) => u.text)).toEqual([
			'¿Qué es Flip?',
			'Es una app para grabar videos.'
		]);
		synth.last.fire('start');
		synth.last.fire('end');
		expect(reader.state).toEqual({ status: 'idle', sentenceIndex: -1, word: null });
		expect(states.every((s) => s.word === null)).toBe(true);
		expect(synth.speak).toHaveBeenCalledTimes(2);
	});

	it('with word boundaries, reports word offsets into the whole text', async () => {
		const { synth, reader } = setup();
		await reader.play(TEXT, 'es', 1);
		synth.last.fire('start');
		synth.last.word('Flip');
		expect(reader.state.word).toEqual({ start: 8, end: 12 });
		expect(TEXT.slice(8, 12)).toBe('Flip');
		synth.last.fire('boundary', { name: 'sentence', charIndex: 0, charLength: 13 }); // ignored
		expect(reader.state.word).toEqual({ start: 8, end: 12 });
		synth.last.fire('end');
		expect(reader.state.word).toBeNull();

		synth.last.fire('start');
		synth.last.word('grabar');
		const { word } = reader.state;
		expect(word && TEXT.slice(word.start, word.end)).toBe('grabar');
		expect(reader.state.sentenceIndex).toBe(1);
		// A voice that sends no charLength: the word's length is worked out from the text.
		synth.last.fire('boundary', { name: 'word', charIndex: synth.last.text.indexOf('videos') });
		const next = reader.state.word;
		expect(next && TEXT.slice(next.start, next.end)).toBe('videos');
	});

	it('pauses, resumes at the start of the same sentence, and stops', async () => {
		const { synth, reader } = setup();
		await reader.play(TEXT, 'es', 1);
		synth.last.fire('end');
		synth.last.word('una');
		const second = synth.last;

		reader.pause();
		expect(reader.state).toEqual({ status: 'paused', sentenceIndex: 1, word: null });
		expect(synth.cancels).toBeGreaterThan(0);
		second.fire('end'); // a cancelled utterance's late 'end' must not move on
		expect(reader.state).toEqual({ status: 'paused', sentenceIndex: 1, word: null });
		expect(synth.speak).toHaveBeenCalledTimes(2);

		reader.resume();
		expect(reader.state).toEqual({ status: 'playing', sentenceIndex: 1, word: null });
		expect(synth.speak).toHaveBeenCalledTimes(3);
		expect(synth.last.text).toBe('Es una app para grabar videos.');

		const cancels = synth.cancels;
		reader.stop();
		expect(reader.state).toEqual({ status: 'idle', sentenceIndex: -1, word: null });
		expect(synth.cancels).toBe(cancels + 1);
		synth.last.fire('error', { error: 'interrupted' });
		synth.last.fire('end');
		expect(reader.state.status).toBe('idle');
		expect(synth.speak).toHaveBeenCalledTimes(3);
	});

	it('stop() while waiting for voices means nothing is spoken later', async () => {
		vi.useFakeTimers();
		const { synth, reader } = setup([]);
		const playing = reader.play(TEXT, 'es', 1);
		reader.stop();
		synth.loadVoices([ES]);
		await playing;
		expect(reader.state.status).toBe('idle');
		expect(synth.speak).not.toHaveBeenCalled();
	});

	it('clamps the rate to 0.5–2 and applies a new rate to the current sentence', async () => {
		expect(clampRate(0.1)).toBe(0.5);
		expect(clampRate(5)).toBe(2);
		expect(clampRate(1.25)).toBe(1.25);
		expect(clampRate(Number.NaN)).toBe(1);

		const { synth, reader } = setup();
		await reader.play(TEXT, 'es', 9);
		expect(synth.last.rate).toBe(2);
		reader.setRate(0);
		expect(reader.rate).toBe(0.5);
		expect(synth.last.rate).toBe(0.5);
		expect(synth.last.text).toBe('¿Qué es Flip?');
		expect(reader.state.status).toBe('playing');

		reader.pause();
		reader.setRate(1.5);
		expect(synth.speak).toHaveBeenCalledTimes(2); // paused: nothing spoken until resume
		reader.resume();
		expect(synth.last.rate).toBe(1.5);
	});

	it('turns a voice error into no-voice instead of failing silently', async () => {
		const { synth, reader } = setup();
		await reader.play(TEXT, 'es', 1);
		synth.last.fire('error', { error: 'voice-unavailable' });
		expect(reader.state.status).toBe('no-voice');
		expect(synth.speak).toHaveBeenCalledTimes(1);
	});

	it('a second reader on the page takes over the speech queue', async () => {
		const synth = new FakeSynth([ES]);
		const first = new ReadAloud(synth, FakeUtterance);
		const second = new ReadAloud(synth, FakeUtterance);
		await first.play(TEXT, 'es', 1);
		const firstUtterance = synth.last;
		await second.play('Hola. Adiós.', 'es', 1);
		expect(first.state.status).toBe('idle');
		firstUtterance.fire('end');
		expect(synth.spoken.map((u) => u.text)).toEqual(['¿Qué es Flip?', 'Hola.']);
		expect(second.state).toEqual({ status: 'playing', sentenceIndex: 0, word: null });
	});
});
