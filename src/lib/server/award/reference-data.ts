// The award's earlier editions (2016–2024) from reference/association-history.json, kept as history
// records: theme, entries, cities, countries, finalists and winners where the file gives them. Loaded when
// the server starts; insert-only, so an edition the secretariat has set up for one of those years is never
// touched. The newest edition of the file is the current call: the secretariat (or the demo) sets it up
// in full, so it is not loaded here.
import historyReference from '../../../../reference/association-history.json' with { type: 'json' };
import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { Locale } from '../../shared/i18n.ts';
import type { EditionHistory } from '../../shared/award/types.ts';
import { insertEditionIfMissing } from './editions.repository.ts';

interface ReferenceEdition {
	year: number;
	theme: string;
	entries?: number;
	cities?: number;
	countries?: number;
	finalists?: number;
	winners?: number | string[];
	criteria?: string[];
}

/** The file gives the themes in English; these are their translations. */
export const awardHistoryThemes: Record<number, Record<Exclude<Locale, 'en'>, string>> = {
	2016: { es: 'Convivir en la ciudad', fr: 'Vivre ensemble dans la ville', pt: 'Conviver na cidade' },
	2018: {
		es: 'Educación cívica a través de la participación',
		fr: 'L’éducation civique par la participation',
		pt: 'Educação cívica através da participação'
	},
	2020: {
		es: 'Inclusión y democratización de la cultura',
		fr: 'Inclusion et démocratisation de la culture',
		pt: 'Inclusão e democratização da cultura'
	},
	2022: {
		es: 'Promoción de los cuidados en la ciudad',
		fr: 'Promotion du soin dans la ville',
		pt: 'Promoção do cuidado na cidade'
	},
	2024: { es: 'Educación en valores', fr: 'Éducation aux valeurs', pt: 'Educação em valores' }
};

const referenceEditions = (historyReference as { award: { editions: ReferenceEdition[] } }).award.editions;

/** The earlier editions of the file: all but the newest, which is the call under way. */
export function awardHistoryEditions(): ReferenceEdition[] {
	const newest = Math.max(...referenceEditions.map((e) => e.year));
	return referenceEditions.filter((e) => e.year !== newest).sort((a, b) => a.year - b.year);
}

export function historyOf(edition: ReferenceEdition): EditionHistory {
	return {
		entries: edition.entries ?? null,
		cities: edition.cities ?? null,
		countries: edition.countries ?? null,
		finalists: edition.finalists ?? null,
		winners: edition.winners ?? null
	};
}

/** Adds the earlier editions that are missing; returns how many were added. */
export async function loadAwardHistory(db: DbOrTrx): Promise<number> {
	let added = 0;
	for (const edition of awardHistoryEditions()) {
		const translations = awardHistoryThemes[edition.year];
		const themes: Record<Locale, string> = {
			en: edition.theme,
			es: translations?.es ?? edition.theme,
			fr: translations?.fr ?? edition.theme,
			pt: translations?.pt ?? edition.theme
		};
		const now = nowIso();
		const winners = edition.winners;
		const inserted = await insertEditionIfMissing(db, {
			year: edition.year,
			status: 'history',
			texts: JSON.stringify(Object.fromEntries(Object.entries(themes).map(([l, theme]) => [l, { theme, description: '', ceremony: '' }]))),
			focus_areas: '[]',
			criteria: '[]',
			questions: '[]',
			scale_min: 1,
			scale_max: 10,
			opens_on: null,
			deadline: null,
			time_zone: 'Europe/Madrid',
			jury_starts_on: null,
			decision_on: null,
			ceremony_on: null,
			initiative_started_before: null,
			max_candidacies_per_city: 2,
			prizes: Array.isArray(winners) ? winners.length : (winners ?? 0),
			special_mentions: 0,
			may_declare_void: 0,
			blind_review: 0,
			jurors_see_other_scores: 0,
			share_feedback: 0,
			congress_host_city_id: null,
			previous_winner_city_ids: '[]',
			rules_document_key: null,
			rules_document_name: null,
			history: JSON.stringify(historyOf(edition)),
			results_published_at: null,
			created_at: now,
			updated_at: now
		});
		if (inserted) added++;
	}
	return added;
}
