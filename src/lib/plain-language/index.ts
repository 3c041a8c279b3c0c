// Plain-language helper: checks a walkthrough draft and returns hints for the student.
// Dependency-free and small because it also runs in the browser, on slow Chromebooks, as they type.
//
// Rules by language (the primary subtag counts, so 'es-419' gets the 'es' rules):
// - all languages: missing_text, missing_alt (the only blocking hint) and long_step (> 60 words).
//   Chinese and Japanese characters count as 1 word per 3 characters, because those scripts put
//   no spaces between words.
// - en: long_sentence (> 20 words); hard_word from a jargon list, plus words of 4+ syllables that
//   are not tech or school words students have to use.
// - es: long_sentence (> 25 words); hard_word from a jargon list, ignoring case and accents.
// - ar, vi, zh and the rest: no sentence or word rules, since word lists need native reviewers.
//   Vietnamese puts spaces between syllables, so its long_step limit is really 60 syllables.
// Links, URLs and Markdown markers are not counted as words. Text in **bold**, `code` or quotes
// is not checked for hard words: walkthroughs quote on-screen labels that way and must match them.

export type HintKind = 'missing_text' | 'missing_alt' | 'long_sentence' | 'hard_word' | 'long_step';

export interface Hint {
	kind: HintKind;
	/** 1-based step number, null for the title/intro (the outcome). */
	step: number | null;
	/** Only missing_alt blocks publishing. */
	blocking: boolean;
	detail?: { words?: number; word?: string; simpler?: string };
}

export interface DraftToCheck {
	/** 'en' | 'es' | 'ar' | 'vi' | 'zh' ... */
	language: string;
	outcome: string;
	steps: Array<{ text: string; hasImage: boolean; alt: string }>;
}

export const LIMITS = {
	/** Characters of one field that get checked, so a pasted essay can't freeze the page. */
	chars: 10_000,
	stepWords: 60,
	sentenceWords: { en: 20, es: 25 } as Record<string, number>,
	/** A long list of hard words discourages more than it helps. */
	hardWordsPerField: 10
};

interface Rules {
	sentenceWords: number;
	lexicon: Map<string, string>;
	/** First word of each phrase -> its longest phrase, in words. */
	phrases: Map<string, number>;
	syllables: boolean;
	/** Spanish attaches pronouns to verbs: utilízalo, selecciónelos. */
	clitics: boolean;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function enVerb(base: string): string[] {
	const spellings = base.endsWith('ize') ? [base, base.slice(0, -3) + 'ise'] : [base];
	return spellings.flatMap((v) => {
		if (/[^aeiou]y$/.test(v)) return [v, v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing'];
		if (v.endsWith('e')) return [v, v + 's', v + 'd', v.slice(0, -1) + 'ing'];
		return [v, v + 's', v + 'ed', v + 'ing'];
	});
}

// Only the forms used in instructions: imperative, infinitive, present, gerund and participle.
// Past tense is left out because 'inicio' or 'elimino' would catch nouns and first persons.
function esVerb(infinitive: string): string[] {
	const stem = infinitive.slice(0, -2);
	const end = infinitive.slice(-2);
	if (end === 'ar') {
		// Spelling keeps the sound before e: utilizar -> utilice, modificar -> modifique.
		const soft = stem.replace(/[zcg]$/, (c) => ({ z: 'c', c: 'qu', g: 'gu' })[c] ?? c);
		const forms = ['ar', 'a', 'as', 'an', 'amos', 'ad', 'ando', 'ado', 'ada', 'ados', 'adas'];
		return [...forms.map((e) => stem + e), ...['e', 'es', 'en', 'emos'].map((e) => soft + e)];
	}
	const v = end[0];
	const forms = ['e', 'es', 'en', v + 'mos', v + 'd', 'iendo', 'ido', 'ida', 'a', 'as', 'an'];
	return [infinitive, ...forms.map((e) => stem + e)];
}

function buildRules(
	sentenceWords: number,
	verbs: string,
	words: string,
	forms: (verb: string) => string[],
	extra: Partial<Rules>
): Rules {
	const lexicon = new Map<string, string>();
	// Entries are 'hard=simpler' separated by ';', alternative spellings by '|'.
	const parse = (list: string, expand: (w: string) => string[]) => {
		for (const entry of list.split(';')) {
			const [hard, simpler] = entry.split('=').map((s) => s.trim());
			for (const w of hard.split('|').flatMap(expand)) lexicon.set(fold(w), simpler);
		}
	};
	parse(verbs, forms);
	parse(words, (w) => [w]);
	const phrases = new Map<string, number>();
	for (const [first, ...rest] of [...lexicon.keys()].map((k) => k.split(' '))) {
		if (rest.length) phrases.set(first, Math.max(phrases.get(first) ?? 0, rest.length + 1));
	}
	return { sentenceWords, lexicon, phrases, syllables: false, clitics: false, ...extra };
}

const EN = buildRules(
	LIMITS.sentenceWords.en,
	`utilize=use; navigate=go; authenticate=sign in; terminate=end or close; configure=set up;
	commence=start; initiate=start; initialize=start; obtain=get; acquire=get; retrieve=get;
	purchase=buy; attempt=try; locate=find; ascertain=find out; indicate=show; demonstrate=show;
	illustrate=show; eliminate=remove; activate=turn on; deactivate=turn off; verify=check;
	evaluate=check; modify=change; specify=choose; relocate=move; duplicate=copy; finalize=finish;
	facilitate=help; assist=help; accomplish=do; implement=do; comprehend=understand; proceed=go on;
	request=ask for; respond=answer; notify=tell; inform=tell; remain=stay; observe=see;
	encounter=run into; execute=run`,
	`approximately|approximate=about; additional=more; additionally|furthermore|moreover=also;
	subsequently=then; subsequent=next; consequently|therefore|hence|thus=so;
	functionality|functionalities=feature; numerous=many; sufficient|sufficiently|adequate=enough;
	insufficient=not enough; regarding=about; previously=before; initially=at first;
	immediately=right away; interface=screen; credentials=username and password; assistance=help;
	optimal=best; component|components=part; parameter|parameters=setting; alternatively=or;
	nevertheless|nonetheless=still; whilst=while; beneficial=helpful; frequently=often;
	occasionally=sometimes; necessary=needed; utilization=use; authentication=sign-in;
	registration=sign-up; modification|modifications=change; prerequisite=what you need first;
	aforementioned=this; objective=goal; prior to=before; in order to=to;
	due to the fact that=because;
	at this point in time|at the present time=now; in the event that=if;
	with regard to|with regards to|in regards to=about; a majority of=most;
	is able to|are able to|has the ability to=can; make use of=use; a large number of=many;
	for the purpose of=to; in close proximity to=near; navigate to=go to`,
	enVerb,
	{ syllables: true }
);

const ES = buildRules(
	LIMITS.sentenceWords.es,
	`utilizar=usar; emplear=usar; seleccionar=elegir; visualizar=ver; finalizar=terminar;
	culminar=terminar; implementar=hacer o poner; realizar=hacer; efectuar=hacer; modificar=cambiar;
	eliminar=borrar; suprimir=borrar; verificar=revisar; proporcionar=dar; cumplimentar=llenar;
	posicionar=poner; localizar=encontrar; solicitar=pedir; almacenar=guardar; ejecutar=abrir;
	navegar=ir; optimizar=mejorar; habilitar=activar; deshabilitar=desactivar;
	autenticar=iniciar sesión; cerciorar=asegurar; aguardar=esperar; acceder=entrar;
	proceder=seguir`,
	`introducir|introduce|introducen|introduzca|introduzcan|introducido=escribir;
	obtener|obten|obtiene|obtienes|obtienen|obtenga|obtengan|obtenido=conseguir;
	requerir|requiere|requieren|requiera|requerido=necesitar;
	establecer|establece|establezca|establecido=poner; aproximadamente=más o menos;
	posteriormente=después; adicionalmente=además; asimismo=también;
	previamente|anteriormente=antes; únicamente=solo; simultáneamente=a la vez;
	inmediatamente=enseguida; frecuentemente=a menudo; mediante=con;
	funcionalidad|funcionalidades=función; utilización=uso; visualización=vista;
	aplicativo=aplicación; actualmente=ahora; interfaz=pantalla; credenciales=usuario y contraseña;
	no obstante|sin embargo=pero;
	por consiguiente|en consecuencia|por lo tanto|consecuentemente=por eso;
	con el fin de|a fin de|con la finalidad de|con el objetivo de=para; debido a que=porque;
	en caso de que|en el caso de que=si; con respecto a|en relación con=sobre;
	en la actualidad=hoy; llevar a cabo|lleve a cabo|lleva a cabo=hacer;
	hacer uso de|haga uso de|haz uso de=usar; una vez que=cuando`,
	esVerb,
	{ clitics: true }
);

const RULES: Record<string, Rules> = { en: EN, es: ES };

// Long words students need anyway: flagging them would only teach them to ignore the hints.
const COMMON_LONG = new Set(
	`ability application available information notification presentation technology automatic
	automatically accessibility accessible navigation calculator dictionary directory education
	category activity community security identity vocabulary collaborate collaboration
	conversation organization animation television interesting everything everybody especially
	definitely comfortable original mathematics literature biology laboratory experiment
	anonymous verification personalize operating alphabetical citizenship resolution
	preference university elementary`.split(/\s+/)
);

const CLITIC = /(?:los|las|les|nos|lo|la|le|me|te|se)$/;

function lookup(rules: Rules, key: string): string | undefined {
	let found = rules.lexicon.get(key);
	// Up to two pronouns: 'dáselo' is da + se + lo.
	for (let k = key, i = 0; found === undefined && rules.clitics && i < 2 && CLITIC.test(k); i++) {
		k = k.replace(CLITIC, '');
		found = rules.lexicon.get(k);
	}
	return found;
}

/** A rough English syllable count: vowel groups, minus a silent final e, -ed or -es. */
function syllables(word: string): number {
	const w = word.toLowerCase();
	if (w.length <= 3) return 1;
	let n = w.match(/[aeiouy]+/g)?.length ?? 0;
	if (/[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
	else if (/[^aeiouytd]ed$/.test(w)) n--;
	else if (/[^aeiouysxzcgh]es$/.test(w)) n--;
	return Math.max(1, n);
}

function singular(w: string): string {
	if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
	return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

function isLongWord(token: string, sentenceStart: boolean): boolean {
	// Codes, acronyms and brands (2FA, URL, YouTube) and, mid-sentence, names and on-screen labels.
	if (/\d/.test(token) || /\p{Lu}/u.test(token.slice(1))) return false;
	if (!sentenceStart && /^\p{Lu}/u.test(token)) return false;
	return token.split(/['’-]/).some((part) => {
		const w = part.toLowerCase();
		if (!/^[a-z]+$/.test(w) || COMMON_LONG.has(w) || COMMON_LONG.has(singular(w))) return false;
		return syllables(w) >= 4;
	});
}

// Marks and joiners belong to the word: Arabic vowel marks, Vietnamese tones, Persian ZWNJ.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200c\u200d]*(?:['’-][\p{L}\p{M}\p{N}\u200c\u200d]+)*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const SENTENCE_END = /[.!?¿¡…。！？\n]+/;
const TLD = 'com|org|net|edu|gov|io|co|us|uk|ca|mx|es|app|dev|me|ly|info';
const DOMAIN = new RegExp(`^(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLD})(?:[/:?#]\\S*)?$`, 'iu');

function isLink(core: string): boolean {
	return (
		/^(?:https?:\/\/|www\.|mailto:)/i.test(core) ||
		/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(core) ||
		DOMAIN.test(core)
	);
}

/** Drops a whitespace-free chunk that is a link, keeping what ends its sentence. */
function dropLink(chunk: string): string {
	// Trimmed by hand: a regex anchored at the end rescans long runs of dots and gets quadratic.
	let start = 0;
	let end = chunk.length;
	while (start < end && '<("\'“«'.includes(chunk[start])) start++;
	while (end > start && '>)"\'”».,!?;:'.includes(chunk[end - 1])) end--;
	if (!isLink(chunk.slice(start, end))) return chunk;
	return chunk.slice(end).replace(/[^.!?]/g, '');
}

/** Text as read aloud: link labels stay, URLs and Markdown markers go. */
function plainText(text: string): string {
	return (
		text
			// Neither part may contain its own opening bracket, which keeps the scan linear.
			.replace(/!?\[([^[\]\n]*)\]\([^()\s]*\)/g, '$1')
			.split(/(\s+)/)
			.map(dropLink)
			.join('')
			.replace(/^[ \t]*(?:[-*+•>]|#{1,6}|\d{1,3}[.)])[ \t]+/gm, '')
			.replace(/[*_`~]+/g, '')
	);
}

function countWords(text: string): number {
	let cjk = 0;
	const rest = text.replace(CJK, () => {
		cjk++;
		return ' ';
	});
	return (rest.match(WORD)?.length ?? 0) + Math.ceil(cjk / 3);
}

function hint(kind: HintKind, step: number | null, detail?: Hint['detail']): Hint {
	const h: Hint = { kind, step, blocking: kind === 'missing_alt' };
	return detail ? { ...h, detail } : h;
}

// Whitespace, Markdown or emoji alone say nothing to a teacher or a screen-reader user.
const hasContent = (s: string) => /[\p{L}\p{N}]/u.test(s);

const field = (value: unknown) => (typeof value === 'string' ? value.slice(0, LIMITS.chars) : '');

/** The longest lexicon entry starting at keys[i]: its length in words and the simpler wording. */
function matchAt(rules: Rules, keys: string[], i: number): [number, string] | null {
	for (let n = Math.min(rules.phrases.get(keys[i]) ?? 1, keys.length - i); n > 0; n--) {
		const key = keys.slice(i, i + n).join(' ');
		const simpler = n === 1 ? lookup(rules, key) : rules.lexicon.get(key);
		if (simpler !== undefined) return [n, simpler];
	}
	return null;
}

function hardWords(raw: string, rules: Rules, step: number | null): Hint[] {
	const hints: Hint[] = [];
	const seen = new Set<string>();
	const quoted = /\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`|"[^"\n]*"|“[^“”\n]*”|«[^«»\n]*»/g;
	for (const sentence of plainText(raw.replace(quoted, ' ')).split(SENTENCE_END)) {
		const tokens = sentence.match(WORD) ?? [];
		const keys = tokens.map(fold);
		for (let i = 0; i < tokens.length; ) {
			const [n, simpler] = matchAt(rules, keys, i) ?? [1, undefined];
			const key = keys.slice(i, i + n).join(' ');
			if ((simpler || (rules.syllables && isLongWord(tokens[i], i === 0))) && !seen.has(key)) {
				seen.add(key);
				const word = tokens.slice(i, i + n).join(' ');
				hints.push(hint('hard_word', step, simpler ? { word, simpler } : { word }));
				if (hints.length === LIMITS.hardWordsPerField) return hints;
			}
			i += n;
		}
	}
	return hints;
}

function checkField(raw: string, rules: Rules | undefined, step: number | null): Hint[] {
	const hints: Hint[] = [];
	const plain = plainText(raw);
	if (step !== null) {
		const words = countWords(plain);
		if (words > LIMITS.stepWords) hints.push(hint('long_step', step, { words }));
	}
	if (!rules) return hints;
	const longest = Math.max(0, ...plain.split(SENTENCE_END).map(countWords));
	if (longest > rules.sentenceWords) {
		hints.push(hint('long_sentence', step, { words: longest }));
	}
	return [...hints, ...hardWords(raw, rules, step)];
}

/** Hints in step order (the outcome first), never throwing on odd input. */
export function checkDraft(draft: DraftToCheck): Hint[] {
	const language = field(draft?.language).toLowerCase().split(/[-_]/)[0];
	const rules = Object.hasOwn(RULES, language) ? RULES[language] : undefined;
	const hints = checkField(field(draft?.outcome), rules, null);
	const steps: unknown[] = Array.isArray(draft?.steps) ? draft.steps : [];
	steps.forEach((value, index) => {
		const s = (value ?? {}) as Partial<DraftToCheck['steps'][number]>;
		const step = index + 1;
		const body = field(s.text);
		if (!hasContent(body)) hints.push(hint('missing_text', step));
		if (s.hasImage && !hasContent(field(s.alt))) hints.push(hint('missing_alt', step));
		hints.push(...checkField(body, rules, step));
	});
	return hints;
}
