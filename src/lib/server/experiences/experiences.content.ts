// How a record's fields become what the public sees, and how that is indexed: one place for the
// workflow's publication and the bulk loader.
import type { ExperienceFields } from '../../shared/experiences/schemas.ts';
import { translatableFields } from '../../shared/experiences/constants.ts';
import type { ExperienceContent, ExperienceDocument, ExperienceImage, PublishedExperience } from '../../shared/experiences/types.ts';
import type { ListingInput } from './experiences.repository.ts';
import { searchBody, searchWords } from './search-text.ts';

export interface CityInfo {
	id: number;
	name: string;
	countryCode: string;
	region: string;
	latitude: number | null;
	longitude: number | null;
}

export function contentFromFields(
	id: number,
	fields: ExperienceFields,
	extra: {
		city: CityInfo | undefined;
		coLeadCities: (CityInfo | undefined)[];
		featured: boolean;
		charterVersion: string;
		images: ExperienceImage[];
		documents: ExperienceDocument[];
	}
): ExperienceContent {
	const { city } = extra;
	return {
		id,
		city: {
			id: fields.cityId,
			name: city?.name ?? '',
			countryCode: city?.countryCode ?? '',
			region: city?.region ?? '',
			latitude: city?.latitude ?? null,
			longitude: city?.longitude ?? null
		},
		coLeadCities: extra.coLeadCities.filter((c) => !!c).map((c) => ({ id: c.id, name: c.name, countryCode: c.countryCode })),
		originalLanguage: fields.originalLanguage,
		texts: fields.texts,
		startDate: fields.startDate ?? null,
		endDate: fields.endDate ?? null,
		ongoing: fields.ongoing,
		budgetRange: fields.budgetRange ?? null,
		territoryScope: fields.territoryScope ?? null,
		contactName: fields.contactName ?? null,
		contactEmail: fields.contactEmail ?? null,
		contactPhone: fields.contactPhone ?? null,
		links: fields.links,
		videoLinks: fields.videoLinks,
		principles: fields.principles,
		topics: fields.topics,
		targetGroups: fields.targetGroups,
		sdgs: fields.sdgs,
		banks: fields.banks,
		featured: extra.featured,
		charterVersion: extra.charterVersion,
		images: extra.images,
		documents: extra.documents
	};
}

/** The public version of a record and what it is found by. */
export function listingInputOf(content: ExperienceContent, publishedAt: string, firstPublishedAt: string): ListingInput {
	const record: PublishedExperience = { ...content, publishedAt, firstPublishedAt };
	const texts = Object.values(record.texts).flatMap((byField) => translatableFields.map((f) => byField?.[f]));
	return {
		record,
		countryCode: content.city.countryCode,
		region: content.city.region,
		titleKey: searchWords(record.texts[record.originalLanguage]?.title ?? '').join(' '),
		searchBody: searchBody([...texts, content.city.name, ...content.coLeadCities.map((c) => c.name)])
	};
}
