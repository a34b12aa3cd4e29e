import type { Db } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { recordAudit } from '../core/audit.ts';
import { todayIso } from '../core/clock.ts';
import { parseCsv, toCsv } from '../core/csv.ts';
import { fieldErrorsFromZod, fail, forbidden, ok, type Result } from '../core/result.ts';
import { searchKey } from '../../shared/core/forms.ts';
import { createCitySchema, cityListQuerySchema } from '../../shared/members/schemas.ts';
import { canOnMembers } from './members.policy.ts';
import { cityCsvColumns } from '../../shared/members/csv-columns.ts';
import * as repo from './members.repository.ts';

export { cityCsvColumns };

const exportColumns = ['id', ...cityCsvColumns, 'region'];

export async function exportCitiesCsv(db: Db, input: unknown): Promise<Result<string>> {
	const parsed = cityListQuerySchema.safeParse(input);
	if (!parsed.success) return fail(400, 'common.errors.validation', fieldErrorsFromZod(parsed.error));
	const rows = await repo.listAllCities(db, parsed.data);
	return ok(
		toCsv(
			exportColumns,
			rows.map((c) => ({
				id: c.id,
				name: c.name,
				country: c.country_code,
				subdivision: c.subdivision,
				population: c.population,
				latitude: c.latitude,
				longitude: c.longitude,
				website: c.website,
				languages: c.languages,
				joined_on: c.joined_on,
				government_changed_on: c.government_changed_on,
				status: c.status,
				region: c.region
			}))
		)
	);
}

export interface ImportRowError {
	line: number;
	field: string;
	code: string;
}

export interface ImportReport {
	dryRun: boolean;
	rowCount: number;
	created: number;
	errors: ImportRowError[];
}

const maxImportRows = 5000;

/**
 * Imports cities from CSV. Every row is checked first; nothing is written unless the whole file is
 * valid, and with `dryRun` nothing is written at all. Each bad row is reported with its line.
 */
export async function importCitiesCsv(db: Db, actor: Actor | null, text: string, dryRun: boolean): Promise<Result<ImportReport>> {
	if (!canOnMembers(actor, 'city.import')) return forbidden();
	const parsed = parseCsv(text);
	const errors: ImportRowError[] = parsed.errors.map((e) => ({ line: e.line, field: '_row', code: e.code }));
	const missing = ['name', 'country', 'population'].filter((c) => !parsed.columns.includes(c));
	if (missing.length)
		return ok({
			dryRun,
			rowCount: 0,
			created: 0,
			errors: missing.map((field) => ({ line: 1, field, code: 'members.import.missing_column' }))
		});
	if (parsed.rows.length === 0)
		return ok({ dryRun, rowCount: 0, created: 0, errors: [{ line: 1, field: '_file', code: 'members.import.empty' }] });
	if (parsed.rows.length > maxImportRows)
		return ok({
			dryRun,
			rowCount: parsed.rows.length,
			created: 0,
			errors: [{ line: 1, field: '_file', code: 'members.import.too_many_rows' }]
		});

	const countries = new Set((await repo.listCountries(db)).map((c) => c.code));
	const seen = new Map<string, number>();
	const valid: { line: number; data: ReturnType<typeof createCitySchema.parse> }[] = [];
	for (const { line, values } of parsed.rows) {
		const result = createCitySchema.safeParse({
			name: values.name,
			countryCode: values.country,
			subdivision: values.subdivision,
			population: values.population,
			latitude: values.latitude,
			longitude: values.longitude,
			website: values.website,
			languages: values.languages ?? '',
			joinedOn: values.joined_on,
			governmentChangedOn: values.government_changed_on,
			status: values.status?.trim() ? values.status.trim() : undefined
		});
		if (!result.success) {
			for (const [field, codes] of Object.entries(fieldErrorsFromZod(result.error)))
				for (const code of codes) errors.push({ line, field, code });
			continue;
		}
		const data = result.data;
		if (!countries.has(data.countryCode)) {
			errors.push({ line, field: 'country', code: 'members.validation.country_unknown' });
			continue;
		}
		const key = `${searchKey(data.name)}|${data.countryCode}`;
		if (seen.has(key)) {
			errors.push({ line, field: 'name', code: 'members.import.duplicate_in_file' });
			continue;
		}
		seen.set(key, line);
		if (await repo.findCityByNameAndCountry(db, data.name, data.countryCode)) {
			errors.push({ line, field: 'name', code: 'members.city.duplicate' });
			continue;
		}
		valid.push({ line, data });
	}
	errors.sort((a, b) => a.line - b.line);
	if (dryRun || errors.length) return ok({ dryRun, rowCount: parsed.rows.length, created: 0, errors });

	await db.transaction().execute(async (trx) => {
		const today = todayIso();
		for (const { data } of valid) {
			const id = await repo.insertCity(trx, data, data.status, today);
			await repo.insertStatusChange(trx, {
				cityId: id,
				from: null,
				to: data.status,
				reason: 'members.import.reason',
				changedOn: today,
				actorUserId: actor?.userId ?? null
			});
			await recordAudit(trx, actor, {
				action: 'city.create',
				entityType: 'city',
				entityId: id,
				summary: { ...data, source: 'csv-import' }
			});
		}
		await recordAudit(trx, actor, { action: 'city.import', entityType: 'city', entityId: 'csv', summary: { rows: valid.length } });
	});
	return ok({ dryRun, rowCount: parsed.rows.length, created: valid.length, errors: [] });
}
