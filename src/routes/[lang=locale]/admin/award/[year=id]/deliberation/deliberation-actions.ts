// The deliberation's form actions, shared by the secretariat's page and the jury's page: each parses the
// form, calls one service function and either redirects back with a confirmation (`?done=`) or re-renders
// the page with the errors next to the form that failed (`form`).
import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	approveAwardMinutes,
	cancelAwardRound,
	closeAwardRound,
	openAwardRound,
	recordAwardDecision,
	removeAwardDecision,
	reopenAwardRound,
	saveAwardMinutes
} from '#lib/server/award/index.ts';
import type { Actor } from '#lib/server/core/access.ts';
import type { Db } from '#lib/server/db/index.ts';
import type { Result } from '#lib/server/core/result.ts';
import { actionFailure, parseId, readForm } from '#lib/server/http/forms.ts';

/** Confirmations the page may show after a redirect. */
export const deliberationDoneKeys = [
	'round_opened',
	'round_cancelled',
	'decision_recorded',
	'decision_removed',
	'minutes_saved',
	'minutes_approved',
	'round_closed',
	'round_reopened',
	'results_published'
] as const;

type RoundWrite = (db: Db, actor: Actor | null, year: number, roundId: number, input: unknown) => Promise<Result<unknown>>;

export function doneRedirect(url: URL, done: (typeof deliberationDoneKeys)[number], anchor: string): never {
	redirect(303, `${url.pathname}?done=${done}#${anchor}`);
}

function roundAction(write: RoundWrite, form: string, done: (typeof deliberationDoneKeys)[number]) {
	return async ({ request, params, locals, url }: RequestEvent<{ year: string }>) => {
		const year = parseId(params.year);
		const { values } = await readForm(request);
		const roundId = parseId(String(values.roundId ?? ''));
		const result = await write(locals.app.database.db, locals.actor, year, roundId, values);
		if (!result.ok) return actionFailure(result, values, `round-${roundId}-${form}`);
		doneRedirect(url, done, `round-${roundId}`);
	};
}

export const deliberationActions = {
	openRound: async ({ request, params, locals, url }: RequestEvent<{ year: string }>) => {
		const { values } = await readForm(request);
		const result = await openAwardRound(locals.app.database.db, locals.actor, parseId(params.year), values);
		if (!result.ok) return actionFailure(result, values, 'open');
		doneRedirect(url, 'round_opened', `round-${result.value.roundId}`);
	},
	cancelRound: roundAction(cancelAwardRound, 'cancel', 'round_cancelled'),
	recordDecision: roundAction(recordAwardDecision, 'decision', 'decision_recorded'),
	removeDecision: roundAction(removeAwardDecision, 'remove', 'decision_removed'),
	saveMinutes: roundAction(saveAwardMinutes, 'minutes', 'minutes_saved'),
	approveMinutes: roundAction(approveAwardMinutes, 'approve', 'minutes_approved'),
	closeRound: roundAction(closeAwardRound, 'close', 'round_closed'),
	reopenRound: roundAction(reopenAwardRound, 'reopen', 'round_reopened')
};
