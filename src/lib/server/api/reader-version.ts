// How a published walkthrough reads in one language. Kept apart from the database calls so the
// language choice can be unit-tested: the reader asks for a language, and what is missing in it
// falls back to the original's words, each block marked with the language it is really in.
import { plainText, renderStepText } from '../rich-text';
import type { CALLOUT_KINDS } from '$lib/choices';

interface StepText {
	body: string;
	callout_kind: (typeof CALLOUT_KINDS)[number] | null;
	callout: string;
	alt: string;
}
interface VersionText {
	title: string;
	outcome: string;
	prerequisites: string;
	steps: StepText[];
}
/** The parts of a published walkthrough the reader needs. */
export interface PublishedText {
	original_language: string;
	steps: { screenshot: { id: string; width: number; height: number } | null }[];
	versions: Record<string, VersionText>;
}

/** One step as a reader sees it in one language: missing words fall back to the original's. */
export interface ReaderStep {
	number: number;
	html: string;
	/** The words without markup, for read-aloud. */
	text: string;
	/** The language the words are really in (the original's when this step is not translated). */
	lang: string;
	translated: boolean;
	callout: { kind: (typeof CALLOUT_KINDS)[number]; html: string } | null;
	screenshot: { id: string; width: number; height: number; alt: string } | null;
}
export interface ReaderVersion {
	/** The language the reader asked for. Notices name this one, never the original's. */
	requested: string;
	/** The language of the title: the requested one, or the original's when there is no version yet. */
	language: string;
	/** The original language, named in notices as the one shown instead. */
	original: string;
	/** False when the requested language has no version yet and the original is shown instead. */
	translated: boolean;
	title: string;
	outcome: string;
	/** The language the outcome is really in (it falls back on its own when left empty). */
	outcomeLang: string;
	prerequisites: string;
	prerequisitesLang: string;
	steps: ReaderStep[];
	/** Numbers of the steps shown in the original language, for the one notice at the top. */
	untranslatedSteps: number[];
}

export function versionFor(w: PublishedText, requested: string): ReaderVersion {
	const originalLanguage = w.original_language;
	const original = w.versions[originalLanguage];
	const own: VersionText | undefined = w.versions[requested];
	// Each piece of text: the requested language's words if there are any, else the original's.
	const pick = (mine: string | undefined, theirs: string) =>
		mine && mine.trim() ? { text: mine, lang: requested } : { text: theirs, lang: originalLanguage };
	const title = pick(own?.title, original.title);
	const outcome = pick(own?.outcome, original.outcome);
	const prerequisites = pick(own?.prerequisites, original.prerequisites);
	const steps = w.steps.map((step, i): ReaderStep => {
		const mine = own?.steps[i];
		const body = pick(mine?.body, original.steps[i].body);
		const text = body.lang === requested && mine ? mine : original.steps[i];
		return {
			number: i + 1,
			html: renderStepText(text.body),
			text: [plainText(text.body), text.callout_kind ? plainText(text.callout) : ''].filter(Boolean).join('\n'),
			lang: body.lang,
			translated: body.lang === requested,
			callout: text.callout_kind && text.callout.trim() ? { kind: text.callout_kind, html: renderStepText(text.callout) } : null,
			screenshot: step.screenshot ? { ...step.screenshot, alt: (mine?.alt || original.steps[i].alt).trim() } : null
		};
	});
	return {
		requested,
		language: title.lang,
		original: originalLanguage,
		translated: Boolean(own),
		title: title.text,
		outcome: outcome.text,
		outcomeLang: outcome.lang,
		prerequisites: prerequisites.text,
		prerequisitesLang: prerequisites.lang,
		steps,
		untranslatedSteps: steps.filter((s) => !s.translated).map((s) => s.number)
	};
}
