import path from 'node:path';
import { error, redirect } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import * as members from '#lib/server/members/index.ts';
import { isStaff } from '#lib/server/core/access.ts';
import { createFileStore } from '#lib/server/core/files.ts';
import { actionFailure, loadFailure, parseId, readForm, requireSignedIn } from '#lib/server/http/forms.ts';
import { workflowActions, type WorkflowAction } from '#lib/shared/experiences/constants.ts';
import { experienceInputFromForm } from '#lib/shared/experiences/form.ts';

/** Confirmation messages the page shows after a redirect (`?saved=…`). */
const savedMessages = ['created', 'fields'] as const;

export async function load({ params, locals, url }) {
	const actor = requireSignedIn(locals.actor, locals.locale, url);
	const id = parseId(params.id);
	const db = locals.app.database.db;
	const result = await experiences.getWorkingExperience(db, actor, id);
	if (!result.ok) loadFailure(result);
	const { record, events, mayEdit, mayFeature, transitions } = result.value;
	const [cities, topics] = await Promise.all([
		mayEdit ? members.listAllCities(db, {}) : Promise.resolve([]),
		experiences.listExperienceTopics(db)
	]);
	const saved = url.searchParams.get('saved');
	return {
		record,
		events,
		mayEdit,
		mayFeature,
		transitions,
		staff: isStaff(actor),
		cities: cities.map((c) => ({ id: c.id, name: c.name, countryCode: c.country_code })),
		topics,
		saved: (savedMessages as readonly string[]).includes(saved ?? '') ? saved : null
	};
}

function fileStore(locals: App.Locals) {
	return createFileStore(path.join(locals.app.config.dataDir, 'uploads'));
}

/** The uploaded file of a multipart form, or null when none was chosen. */
async function uploaded(form: FormData, name: string) {
	const file = form.get(name);
	if (!(file instanceof File) || file.size === 0) return null;
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export const actions = {
	save: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { form, values } = await readForm(request);
		const result = await experiences.updateExperience(locals.app.database.db, locals.actor, id, experienceInputFromForm(form));
		if (!result.ok) return actionFailure(result, values, 'save');
		redirect(303, `/${locals.locale}/experiences/${id}/edit?saved=fields`);
	},
	addImage: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { form, values } = await readForm(request);
		const file = await uploaded(form, 'image');
		const result = await experiences.addExperienceImage(locals.app.database.db, fileStore(locals), locals.actor, id, file, values);
		if (!result.ok) return actionFailure(result, values, 'image');
		return { saved: 'experiences.edit.image_added' };
	},
	addDocument: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { form, values } = await readForm(request);
		const file = await uploaded(form, 'document');
		const result = await experiences.addExperienceDocument(locals.app.database.db, fileStore(locals), locals.actor, id, file, values);
		if (!result.ok) return actionFailure(result, values, 'document');
		return { saved: 'experiences.edit.document_added' };
	},
	removeFile: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const fileId = parseId(String(values.fileId ?? ''));
		const result = await experiences.removeExperienceFile(locals.app.database.db, fileStore(locals), locals.actor, id, fileId);
		if (!result.ok) return actionFailure(result, values, `file-${fileId}`);
		return { saved: 'experiences.edit.file_removed' };
	},
	transition: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const action = String(values.action ?? '') as WorkflowAction;
		if (!workflowActions.includes(action)) error(400, 'common.errors.bad_request');
		const deps = { db: locals.app.database.db, mailer: locals.app.mailer, publicUrl: locals.app.config.publicUrl };
		const result = await experiences.transitionExperience(deps, locals.actor, id, action, values);
		if (!result.ok) return actionFailure(result, values, action === 'return' ? 'return' : 'workflow');
		return { saved: `experiences.edit.done_${action}` };
	},
	feature: async ({ request, params, locals }) => {
		const id = parseId(params.id);
		const { values } = await readForm(request);
		const result = await experiences.setExperienceFeatured(locals.app.database.db, locals.actor, id, values);
		if (!result.ok) return actionFailure(result, values, 'feature');
		return { saved: result.value.featured ? 'experiences.edit.featured_on' : 'experiences.edit.featured_off' };
	}
};
