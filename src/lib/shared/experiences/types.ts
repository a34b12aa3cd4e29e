import type { Locale } from '../i18n.ts';
import type { LanguageTexts } from './schemas.ts';
import type { Bank, BudgetRange, CompletenessField, ExperienceStatus, FacetName, TerritoryScope } from './constants.ts';

export interface ExperienceImage {
	id: number;
	altText: string;
	caption: string | null;
	width: number | null;
	height: number | null;
}

export interface ExperienceDocument {
	id: number;
	title: string;
	byteSize: number;
}

export interface CityRef {
	id: number;
	name: string;
	countryCode: string;
}

/** The fields of a record as the public sees it (also the published snapshot's shape). */
export interface ExperienceContent {
	id: number;
	city: CityRef & { region: string; latitude: number | null; longitude: number | null };
	coLeadCities: CityRef[];
	originalLanguage: Locale;
	texts: Partial<Record<Locale, LanguageTexts>>;
	startDate: string | null;
	endDate: string | null;
	ongoing: boolean;
	budgetRange: BudgetRange | null;
	territoryScope: TerritoryScope | null;
	contactName: string | null;
	contactEmail: string | null;
	contactPhone: string | null;
	links: string[];
	videoLinks: string[];
	principles: number[];
	topics: string[];
	targetGroups: string[];
	sdgs: number[];
	banks: Bank[];
	featured: boolean;
	charterVersion: string;
	images: ExperienceImage[];
	documents: ExperienceDocument[];
}

export interface PublishedExperience extends ExperienceContent {
	firstPublishedAt: string;
	publishedAt: string;
}

/** The working copy, seen by the city's representatives and the secretariat. */
export interface ExperienceRecord extends ExperienceContent {
	externalId: string | null;
	status: ExperienceStatus;
	version: number;
	completeness: number;
	missingFields: CompletenessField[];
	createdAt: string;
	updatedAt: string;
	submittedAt: string | null;
	firstPublishedAt: string | null;
	/** A public version exists (it may be older than this working copy). */
	isListed: boolean;
}

export interface ExperienceEvent {
	id: number;
	action: string;
	fromStatus: ExperienceStatus | null;
	toStatus: ExperienceStatus;
	comment: string | null;
	actorLabel: string;
	createdAt: string;
}

export interface FacetCount {
	code: string;
	count: number;
}

export type FacetCounts = Record<FacetName, FacetCount[]>;

/** One search result: enough to show a card without the whole record. */
export interface ExperienceSummary {
	id: number;
	city: CityRef;
	originalLanguage: Locale;
	/** Languages the record has a title in. */
	languages: Locale[];
	titles: Partial<Record<Locale, string>>;
	summaries: Partial<Record<Locale, string>>;
	startYear: number | null;
	principles: number[];
	topics: string[];
	featured: boolean;
	publishedAt: string;
	image: ExperienceImage | null;
}
