import { error } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import * as networks from '#lib/server/networks/index.ts';
import { parseId } from '#lib/server/http/forms.ts';
import { networkName } from '#lib/shared/networks/names.ts';
import { isLocale, locales } from '#lib/shared/i18n.ts';

export async function load({ params, locals, url }) {
	const id = parseId(params.id);
	const db = locals.app.database.db;
	const published = await experiences.getPublishedExperience(db, id);
	// The working copy exists for the city's representatives and the secretariat only; for anyone else
	// the service answers not-found, so a record without a public version is a 404 for them.
	const working = locals.actor ? await experiences.getWorkingExperience(db, locals.actor, id) : null;
	const workingCopy = working?.ok ? working.value : null;
	if (!published.ok && !workingCopy) error(404, 'common.errors.not_found');

	const record = published.ok ? published.value.record : workingCopy!.record;
	const [cityNetworks, topics] = await Promise.all([networks.listNetworksOfCity(db, record.city.id), experiences.listExperienceTopics(db)]);

	// The texts' language: the one asked for with ?text=, else the interface's when translated, else the original.
	const textLanguages = locales.filter((l) => !!record.texts[l]?.title);
	const requested = url.searchParams.get('text');
	const textLanguage =
		isLocale(requested) && textLanguages.includes(requested)
			? requested
			: textLanguages.includes(locals.locale)
				? locals.locale
				: record.originalLanguage;

	const topicTitles = new Map(topics.map((t) => [t.code, t.title[locals.locale]]));
	return {
		record,
		firstPublishedAt: published.ok ? published.value.record.firstPublishedAt : null,
		publishedAt: published.ok ? published.value.record.publishedAt : null,
		related: published.ok ? published.value.related : [],
		textLanguage,
		textLanguages,
		topics: record.topics.map((code) => ({ code, title: topicTitles.get(code) ?? code })),
		networks: cityNetworks.map((n) => ({ id: n.id, name: networkName(n, locals.locale) })),
		// Shown to those who may open the working copy: the preview banner, or a notice that a revision is under way.
		preview: published.ok ? null : { status: workingCopy!.record.status },
		revision: published.ok && workingCopy && workingCopy.record.status !== 'published' ? { status: workingCopy.record.status } : null,
		canonicalUrl: `${locals.app.config.publicUrl.replace(/\/+$/, '')}/${locals.locale}/experiences/${id}`
	};
}
