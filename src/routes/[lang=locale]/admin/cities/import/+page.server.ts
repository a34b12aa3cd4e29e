import * as members from '#lib/server/members/index.ts';

const maxImportBytes = 2 * 1024 * 1024;

export const actions = {
	default: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return { report: null, code: 'members.import.no_file' };
		}
		const file = form.get('file');
		const dryRun = form.get('mode') !== 'import';
		if (!(file instanceof File) || file.size === 0) return { report: null, code: 'members.import.no_file' };
		if (file.size > maxImportBytes) return { report: null, code: 'members.import.too_large' };
		const text = await file.text();
		const result = await members.importCitiesCsv(locals.app.database.db, locals.actor, text, dryRun);
		if (!result.ok) return { report: null, code: result.code };
		return { report: result.value, code: null, fileName: file.name };
	}
};
