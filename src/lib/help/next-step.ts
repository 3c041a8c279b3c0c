// Whose turn it is on a help request, from the point of view of the person looking at it. The home
// page lists "your turn" steps as tasks with a button each, and "their turn" as what happens next.
import type { RequestCard } from '$lib/server/api/help-views';

/** Something the viewer does next: a key under `next.task` (what) and `next.do` (the button). */
export type YourTurn = { turn: 'yours'; step: 'confirm' | 'answer_time' | 'propose' | 'log'; name: string };
/** Something someone else does next: a key under `next.wait`, with the other person's name. */
export type TheirTurn = { turn: 'theirs'; step: 'for_mentor' | 'for_time' | 'for_answer' | 'session' | 'for_confirm'; name: string };
export type NextStep = YourTurn | TheirTurn;

/** The next step on a request for its teacher, mentor or partner; null for anyone else, or when it is finished. */
export function nextStep(r: RequestCard): NextStep | null {
	const mentor = r.claimed_by ?? '';
	const teacher = r.teacher ?? '';
	const proposal = r.proposal ?? null;
	if (r.viewer === 'teacher') {
		if (r.status === 'done') return { turn: 'yours', step: 'confirm', name: mentor };
		if (r.status === 'open') return { turn: 'theirs', step: 'for_mentor', name: '' };
		if (proposal && !proposal.by_teacher) return { turn: 'yours', step: 'answer_time', name: mentor };
		if (proposal) return { turn: 'theirs', step: 'for_answer', name: mentor };
		if (r.status === 'scheduled') return { turn: 'theirs', step: 'session', name: mentor };
		if (r.status === 'claimed') return { turn: 'theirs', step: 'for_time', name: mentor };
		return null;
	}
	if (r.viewer === 'mentor' || r.viewer === 'partner') {
		if (r.status === 'done') return { turn: 'theirs', step: 'for_confirm', name: teacher };
		if (proposal && proposal.by_teacher) return { turn: 'yours', step: 'answer_time', name: teacher };
		if (proposal) return { turn: 'theirs', step: 'for_answer', name: teacher };
		if (r.status === 'scheduled') return { turn: 'yours', step: 'log', name: teacher };
		if (r.status === 'claimed') return { turn: 'yours', step: 'propose', name: teacher };
	}
	return null;
}

/** Where the button of a step leads: the part of the request's page where it is done. */
export function stepHref(r: RequestCard): string {
	const step = nextStep(r);
	return `/help/${r.id}#${step?.turn === 'yours' && step.step === 'confirm' ? 'confirm-heading' : 'next-heading'}`;
}

type T = (key: string, options?: Record<string, unknown>) => string;

/** "Nov 27, 10:30 AM, the teacher's classroom": a session's time and place, in the reader's language. */
export function sessionText(t: T, when: string, place: string | null | undefined): string {
	return place ? t('card.session_at', { when, place: t(`places.${place}`) }) : when;
}
