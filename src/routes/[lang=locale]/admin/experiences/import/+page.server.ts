import { fail } from '@sveltejs/kit';
import * as experiences from '#lib/server/experiences/index.ts';
import type { FailureStatus } from '#lib/server/core/result.ts';
import { importLimits } from '#lib/shared/experiences/import-columns.ts';

const failure = (status: FailureStatus, code: string, values: Record<string, number> = {}) => fail(status, { code, values });

export const actions = {
	default: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return failure(400, 'experiences.import.no_file');
		}
		const dryRun = form.get('mode') !== 'import';
		const file = form.get('file');
		const kept = form.get('content');
		let text: string;
		let fileName: string;
		if (file instanceof File && file.size > 0) {
			if (file.size > importLimits.maxBytes)
				return failure(413, 'experiences.import.too_large', { megabytes: importLimits.maxBytes / 1024 / 1024 });
			text = await file.text();
			fileName = file.name;
		} else if (typeof kept === 'string' && kept !== '') {
			text = Buffer.from(kept, 'base64').toString('utf8');
			fileName = String(form.get('fileName') ?? '');
		} else return failure(400, 'experiences.import.no_file');
		const result = await experiences.importExperiences(locals.app.database.db, locals.actor, { text, fileName, dryRun });
		if (!result.ok) return failure(result.status, result.code);
		const report = result.value;
		// After a clean check the page keeps the file (it is checked again on import), so that importing
		// it takes one button instead of choosing the file a second time.
		const keep = report.dryRun && report.errorCount === 0 && report.rows > 0;
		return { report, content: keep ? Buffer.from(text, 'utf8').toString('base64') : null };
	}
};
