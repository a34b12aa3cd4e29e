import { error, redirect } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import * as members from '#lib/server/members/index.ts';
import { isStaff, representedCityIds } from '#lib/server/core/access.ts';
import { actionFailure, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { newExperienceErrors, newExperienceInputFromForm } from '#lib/shared/experiences/form.ts';

// Shapes the interface only: createExperience checks that the person may write for the chosen city.
export async function load({ locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const staff = isStaff(actor);
	const represented = representedCityIds(actor);
	if (!staff && represented.length === 0) error(403, 'common.errors.forbidden');
	const db = locals.app.database.db;
	const cities = staff
		? (await members.listAllCities(db, {})).map((c) => ({ id: c.id, name: c.name, countryCode: c.country_code }))
		: (await Promise.all(represented.map((id) => members.findCityById(db, id)))).flatMap((c) =>
				c ? [{ id: c.id, name: c.name, countryCode: c.country_code }] : []
			);
	const asked = Number(url.searchParams.get('city'));
	return {
		staff,
		cities,
		initial: {
			cityId: cities.some((c) => c.id === asked) ? String(asked) : cities.length === 1 ? String(cities[0].id) : '',
			originalLanguage: locals.locale,
			title: ''
		}
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const { form, values } = await readForm(request);
		const result = await experiences.createExperience(locals.app.database.db, locals.actor, newExperienceInputFromForm(form));
		if (!result.ok) return actionFailure({ ...result, fieldErrors: newExperienceErrors(result.fieldErrors ?? {}) }, values);
		redirect(303, `/${locals.locale}/experiences/${result.value.id}/edit?saved=created`);
	}
};
