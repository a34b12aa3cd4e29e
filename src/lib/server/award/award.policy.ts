import { isStaff, representsCity, type Actor } from '../core/access.ts';

export type AwardAction =
	// The secretariat runs the call.
	| 'edition.manage'
	| 'candidacy.list_all'
	| 'candidacy.decide_admissibility'
	| 'jury.manage'
	| 'results.publish'
	| 'award.export'
	// A city, for its own candidacies (the secretariat may act for it).
	| 'candidacy.create'
	| 'candidacy.view'
	| 'candidacy.edit'
	// Jurors, on their own edition.
	| 'review.score'
	| 'conflict.declare'
	| 'results.view'
	// The chair (or the secretariat) steers the deliberation; closing a round and approving minutes is the chair's.
	| 'conflict.decide'
	| 'round.manage'
	| 'round.close'
	| 'round.reopen';

export interface AwardResource {
	/** The city a candidacy belongs to. */
	cityId?: number;
	/** The actor's own seat on this edition's jury, if any (from the jury table). */
	seat?: { isChair: boolean } | null;
}

/** Pure: may this actor do this action on this resource? Tested as a table in award.policy.spec.ts. */
export function canOnAward(actor: Actor | null, action: AwardAction, resource: AwardResource = {}): boolean {
	if (!actor) return false;
	const staff = isStaff(actor);
	const seat = resource.seat ?? null;
	switch (action) {
		case 'edition.manage':
		case 'candidacy.list_all':
		case 'candidacy.decide_admissibility':
		case 'jury.manage':
		case 'results.publish':
		case 'award.export':
			return staff;
		case 'candidacy.create':
		case 'candidacy.view':
		case 'candidacy.edit':
			return staff || (resource.cityId !== undefined && representsCity(actor, resource.cityId));
		case 'review.score':
		case 'conflict.declare':
			return !!seat;
		case 'results.view':
			return staff || !!seat;
		case 'conflict.decide':
		case 'round.manage':
		case 'round.reopen':
			return staff || !!seat?.isChair;
		case 'round.close':
			return !!seat?.isChair;
	}
}
