import { error, redirect } from '@sveltejs/kit';
import * as members from '#lib/server/members/index.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';

export async function load({ params, locals, url }) {
	requireSignedIn(locals.actor, locals.locale, url);
	const id = parseId(params.id);
	const db = locals.app.database.db;
	const result = await members.getCity(db, locals.actor, id);
	if (!result.ok) loadFailure(result);
	if (!result.value.mayEdit) error(403, 'common.errors.forbidden');
	const city = result.value.city;
	return {
		city,
		contacts: result.value.contacts,
		countries: (await members.listCountries(db)).map((c) => c.code),
		initial: {
			name: city.name,
			countryCode: city.country_code,
			subdivision: city.subdivision ?? '',
			population: city.population,
			latitude: city.latitude ?? '',
			longitude: city.longitude ?? '',
			website: city.website ?? '',
			languages: city.languages.split(',').filter(Boolean).join(', '),
			joinedOn: city.joined_on ?? '',
			governmentChangedOn: city.government_changed_on ?? '',
			version: city.version
		}
	};
}

export const actions = {
	profile: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const result = await members.updateCity(locals.app.database.db, locals.actor, id, values);
		if (!result.ok) return actionFailure(result, values, 'profile');
		redirect(303, `/${locals.locale}/cities/${id}?saved=1`);
	},
	addContact: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const result = await members.addContact(locals.app.database.db, locals.actor, id, values);
		if (!result.ok) return actionFailure(result, values, 'addContact');
		return { saved: 'members.contacts.added' };
	},
	updateContact: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const contactId = parseId(String(values.contactId ?? ''));
		const result = await members.updateContact(locals.app.database.db, locals.actor, contactId, values);
		if (!result.ok) return actionFailure(result, values, `contact-${contactId}`);
		return { saved: 'members.contacts.updated' };
	},
	removeContact: async ({ request, locals }) => {
		const { values } = await readForm(request);
		const contactId = parseId(String(values.contactId ?? ''));
		const result = await members.removeContact(locals.app.database.db, locals.actor, contactId);
		if (!result.ok) return actionFailure(result, values, `contact-${contactId}`);
		return { saved: 'members.contacts.removed' };
	}
};
