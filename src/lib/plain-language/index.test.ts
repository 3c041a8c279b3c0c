import { describe, expect, it } from 'vitest';
import { checkDraft, type DraftToCheck, type Hint } from './index';

type Step = DraftToCheck['steps'][number];

const step = (text: string, image: Partial<Step> = {}): Step => ({
	text,
	hasImage: false,
	alt: '',
	...image
});

const draft = (language: string, steps: Step[], outcome = 'Join a class.'): DraftToCheck => ({
	language,
	outcome,
	steps
});

const EASY = ['open', 'the', 'blue', 'box', 'and', 'click', 'save'];

/** n short, easy words with no sentence end. */
const words = (n: number, list = EASY) =>
	Array.from({ length: n }, (_, i) => list[i % list.length]).join(' ');

const kinds = (hints: Hint[]) => hints.map((h) => `${h.step}:${h.kind}`);
const hard = (hints: Hint[]) => hints.filter((h) => h.kind === 'hard_word').map((h) => h.detail);

describe('blocking and missing content', () => {
	it('blocks only on a missing alt text, and names its step', () => {
		const hints = checkDraft(
			draft('en', [
				step('Open Chrome.', { hasImage: true, alt: 'The Chrome icon' }),
				step('Click the blue button.', { hasImage: true, alt: '  ' }),
				step('', { hasImage: false }),
				step(`${words(70)}.`, { hasImage: true, alt: '📷' })
			])
		);
		expect(hints.filter((h) => h.blocking)).toEqual([
			{ kind: 'missing_alt', step: 2, blocking: true },
			{ kind: 'missing_alt', step: 4, blocking: true }
		]);
		expect(hints.filter((h) => h.kind !== 'missing_alt').every((h) => !h.blocking)).toBe(true);
		expect(kinds(hints)).toContain('3:missing_text');
	});

	it('names the step whose text is empty or only whitespace and Markdown', () => {
		const hints = checkDraft(draft('en', [step('Open Chrome.'), step(' \n\t '), step('- **')]));
		expect(hints).toEqual([
			{ kind: 'missing_text', step: 2, blocking: false },
			{ kind: 'missing_text', step: 3, blocking: false }
		]);
	});

	it('does not ask for alt text when there is no image', () => {
		expect(checkDraft(draft('en', [step('Open Chrome.')]))).toEqual([]);
	});
});

describe('long sentences and steps', () => {
	it('flags a 30-word English sentence with its count, but not two 10-word sentences', () => {
		const steps = [step(`${words(30)}.`), step(`${words(10)}. ${words(10)}!`)];
		expect(checkDraft(draft('en', steps))).toEqual([
			{ kind: 'long_sentence', step: 1, blocking: false, detail: { words: 30 } }
		]);
	});

	it('checks the outcome too, as step null, before the steps', () => {
		const hints = checkDraft(draft('en', [step(`${words(21)}.`)], `${words(22)}.`));
		expect(hints.map((h) => [h.step, h.detail?.words])).toEqual([
			[null, 22],
			[1, 21]
		]);
	});

	it('allows Spanish sentences up to 25 words', () => {
		const es = (n: number) =>
			checkDraft(draft('es', [step(words(n, ['abre', 'la', 'caja', 'azul']))]));
		expect(es(25)).toEqual([]);
		expect(es(26)).toEqual([
			{ kind: 'long_sentence', step: 1, blocking: false, detail: { words: 26 } }
		]);
	});

	it('suggests splitting a step over 60 words', () => {
		const fifteen = `${words(15)}. `;
		const steps = [step(fifteen.repeat(4) + 'Done.'), step(fifteen.repeat(4))];
		const hints = checkDraft(draft('en', steps));
		expect(hints).toEqual([{ kind: 'long_step', step: 1, blocking: false, detail: { words: 61 } }]);
	});

	it('does not count Markdown markers or URLs as words in a sentence', () => {
		const links = [
			'**Open** https://classroom.google.com/c/abc123?cjc=x7 and',
			'[your class](https://classroom.google.com/c/abc) and www.example.org/x and'
		].join(' ');
		expect(checkDraft(draft('en', [step(`${links} ${words(14)}.`)]))).toEqual([]);
		// One word more is flagged with 21: the markers and links were skipped, not miscounted.
		expect(checkDraft(draft('en', [step(`${links} ${words(15)}.`)]))).toEqual([
			{ kind: 'long_sentence', step: 1, blocking: false, detail: { words: 21 } }
		]);
	});

	it('does not count list numbers, bullets or URLs as words in a step', () => {
		const lines = [
			'1. **Open** https://classroom.google.com/c/abc123?cjc=x7 in a new tab.',
			'2. Go to [your class](https://classroom.google.com/c/abc) or classroom.google.com now.',
			'- Click the blue box.',
			...Array.from({ length: 3 }, () => `- ${words(15)}.`)
		];
		expect(checkDraft(draft('en', [step(lines.join('\n'))]))).toEqual([]);
		expect(checkDraft(draft('en', [step(`${lines.join('\n')}\n* Done.`)]))).toEqual([
			{ kind: 'long_step', step: 1, blocking: false, detail: { words: 61 } }
		]);
	});

	it('keeps the full stop after a URL as a sentence end', () => {
		const text = `${words(12)} https://example.com/a.b. ${words(12)}.`;
		expect(checkDraft(draft('en', [step(text)]))).toEqual([]);
	});
});

describe('hard words in English', () => {
	it('suggests use for utilize, in any form and case', () => {
		const text = 'Utilize the search bar. She utilized it. Keep utilising it.';
		const hints = checkDraft(draft('en', [step(text)]));
		expect(hard(hints)).toEqual([
			{ word: 'Utilize', simpler: 'use' },
			{ word: 'utilized', simpler: 'use' },
			{ word: 'utilising', simpler: 'use' }
		]);
	});

	it('finds phrases and reports each word once per step', () => {
		const text = 'In order to sign in, navigate to Settings. Navigate to it prior to lunch.';
		expect(hard(checkDraft(draft('en', [step(text)])))).toEqual([
			{ word: 'In order to', simpler: 'to' },
			{ word: 'navigate to', simpler: 'go to' },
			{ word: 'prior to', simpler: 'before' }
		]);
	});

	it('flags other words of 4+ syllables without a suggestion, but not tech words or names', () => {
		const text =
			'Unfortunately the notification shows information about the application in Minnesota.';
		expect(hard(checkDraft(draft('en', [step(text)])))).toEqual([{ word: 'Unfortunately' }]);
	});

	it('leaves on-screen labels in bold, code or quotes alone', () => {
		const text = 'Click **Configure**, then `Terminate`, then "Functionality". Now configure it.';
		expect(hard(checkDraft(draft('en', [step(text)])))).toEqual([
			{ word: 'configure', simpler: 'set up' }
		]);
	});
});

describe('hard words in Spanish', () => {
	it('matches verbs in any form, ignoring case and accents', () => {
		const text = 'Utilice el buscador. Hay que utilizar la cámara. UTILÍZALO. Utilizá el mouse.';
		const found = hard(checkDraft(draft('es', [step(text)])));
		expect(found.map((d) => d?.word)).toEqual(['Utilice', 'utilizar', 'UTILÍZALO', 'Utilizá']);
		expect(found.every((d) => d?.simpler === 'usar')).toBe(true);
	});

	it('treats seleccionar forms as hard but not the common noun selección', () => {
		const text = 'Seleccioná el archivo y selecciónalo. Mira la selección. Inicia sesión.';
		expect(hard(checkDraft(draft('es-MX', [step(text)])))).toEqual([
			{ word: 'Seleccioná', simpler: 'elegir' },
			{ word: 'selecciónalo', simpler: 'elegir' }
		]);
	});

	it('finds adverbs and phrases with or without their accents', () => {
		const text = 'Posteriormente, haz clic con el fin de guardar. Espera aproximadamente 1 minuto.';
		expect(hard(checkDraft(draft('es', [step(text)])))).toEqual([
			{ word: 'Posteriormente', simpler: 'después' },
			{ word: 'con el fin de', simpler: 'para' },
			{ word: 'aproximadamente', simpler: 'más o menos' }
		]);
		const noAccent = checkDraft(draft('es', [step('Unicamente en relacion con esto.')]));
		expect(hard(noAccent).map((d) => d?.simpler)).toEqual(['solo', 'sobre']);
	});
});

describe('languages without sentence and word rules', () => {
	it('gives Arabic no sentence or word hints, but still asks for alt text', () => {
		const sentence = Array.from({ length: 40 }, () => 'افتح').join(' ');
		const steps = [step(`${sentence} utilize.`, { hasImage: true, alt: '' })];
		const hints = checkDraft(draft('ar', steps, 'ستتعلم كيف تنضم إلى صف.'));
		expect(hints).toEqual([{ kind: 'missing_alt', step: 1, blocking: true }]);
	});

	it('gives Chinese no sentence hints and counts 3 characters as a word for long steps', () => {
		const hints = checkDraft(
			draft('zh', [
				step('打开浏览器'.repeat(30), { hasImage: true, alt: '' }),
				step('打开浏览器'.repeat(40), { hasImage: true, alt: '浏览器图标' })
			])
		);
		expect(hints).toEqual([
			{ kind: 'missing_alt', step: 1, blocking: true },
			{ kind: 'long_step', step: 2, blocking: false, detail: { words: 67 } }
		]);
	});

	it('counts Arabic words with vowel marks as whole words', () => {
		const hints = checkDraft(draft('ar', [step('كَتَبَ '.repeat(61))]));
		expect(hints).toEqual([{ kind: 'long_step', step: 1, blocking: false, detail: { words: 61 } }]);
	});
});

describe('odd input', () => {
	it('does not throw on a 100,000-character step and still reports it', () => {
		const huge = 'Utilize the blue box '.repeat(5000);
		expect(huge.length).toBeGreaterThan(100_000);
		const hints = checkDraft(draft('en', [step(huge, { hasImage: true, alt: '' })]));
		expect(kinds(hints)).toEqual([
			'1:missing_alt',
			'1:long_step',
			'1:long_sentence',
			'1:hard_word'
		]);
	});

	it('survives emoji, mixed RTL text, runaway Markdown and missing fields', () => {
		const odd = [
			'👩🏽‍💻 اضغط على Save ✅ '.repeat(3000),
			'['.repeat(20_000),
			'.'.repeat(20_000),
			'“a'.repeat(9000)
		];
		const steps = odd.map((t) => step(t, { hasImage: true, alt: t }));
		for (const language of ['en', 'es', 'ar', 'zh', '', 'xx-YY']) {
			expect(() => checkDraft(draft(language, steps))).not.toThrow();
		}
		const broken = { language: null, outcome: 5, steps: [null, { text: 7 }] };
		expect(checkDraft(broken as unknown as DraftToCheck)).toEqual([
			{ kind: 'missing_text', step: 1, blocking: false },
			{ kind: 'missing_text', step: 2, blocking: false }
		]);
		expect(checkDraft(null as unknown as DraftToCheck)).toEqual([]);
	});

	it('is deterministic', () => {
		const d = draft('en', [step('Utilize it.'), step(''), step(`${words(30)}.`)]);
		expect(checkDraft(d)).toEqual(checkDraft(d));
	});
});
