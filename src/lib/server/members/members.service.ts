import type { Db, DbOrTrx } from '../db/index.ts';
import type { Actor } from '../core/access.ts';
import { diffFields, recordAudit } from '../core/audit.ts';
import { todayIso } from '../core/clock.ts';
import { conflict, fail, forbidden, notFound, ok, validate, type Result } from '../core/result.ts';
import {
	changeStatusSchema,
	cityListQuerySchema,
	countryCodeSchema,
	contactSchema,
	countrySchema,
	createCitySchema,
	createFeeSchema,
	feeGridSchema,
	paymentSchema,
	updateCitySchema,
	type CityFields
} from '../../shared/members/schemas.ts';
import { recentGovernmentChangeDays, type CityStatus, type IncomeGroup } from '../../shared/members/constants.ts';
import { canOnMembers } from './members.policy.ts';
import { computeAnnualFeeCents } from './fees.ts';
import * as repo from './members.repository.ts';
import * as feesRepo from './fees.repository.ts';

async function ensureCountry(db: Db, code: string): Promise<boolean> {
	return !!(await repo.findCountry(db, code));
}

export function hadRecentGovernmentChange(governmentChangedOn: string | null, today = todayIso()): boolean {
	if (!governmentChangedOn) return false;
	const days = (Date.parse(today) - Date.parse(governmentChangedOn)) / 86_400_000;
	return days >= 0 && days <= recentGovernmentChangeDays;
}

export async function listCities(db: Db, input: unknown) {
	const parsed = validate(cityListQuerySchema, input);
	if (!parsed.ok) return parsed;
	return ok({ query: parsed.value, ...(await repo.listCities(db, parsed.value)) });
}

export async function getCity(db: Db, actor: Actor | null, id: number) {
	const city = await repo.findCityById(db, id);
	if (!city) return notFound();
	const mayViewPrivate = canOnMembers(actor, 'city.view_private', id);
	return ok({
		city,
		mayEdit: canOnMembers(actor, 'city.update', id),
		mayManageStatus: canOnMembers(actor, 'city.change_status', id),
		mayManageFees: canOnMembers(actor, 'fee.manage', id),
		contacts: mayViewPrivate ? await repo.listContacts(db, id) : [],
		statusHistory: mayViewPrivate ? await repo.listStatusChanges(db, id) : [],
		fees: canOnMembers(actor, 'fee.view', id) ? await feesRepo.listFeesOfCity(db, id) : [],
		recentGovernmentChange: hadRecentGovernmentChange(city.government_changed_on)
	});
}

export async function createCity(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number }>> {
	if (!canOnMembers(actor, 'city.create')) return forbidden();
	const parsed = validate(createCitySchema, input);
	if (!parsed.ok) return parsed;
	const fields = parsed.value;
	if (!(await ensureCountry(db, fields.countryCode)))
		return fail(400, 'common.errors.validation', { countryCode: ['members.validation.country_unknown'] });
	if (await repo.findCityByNameAndCountry(db, fields.name, fields.countryCode))
		return fail(409, 'members.city.duplicate', { name: ['members.city.duplicate'] });
	const id = await db.transaction().execute(async (trx) => {
		const today = todayIso();
		const id = await repo.insertCity(trx, fields, fields.status, today);
		await repo.insertStatusChange(trx, {
			cityId: id,
			from: null,
			to: fields.status,
			reason: 'created',
			changedOn: today,
			actorUserId: actor?.userId ?? null
		});
		await recordAudit(trx, actor, { action: 'city.create', entityType: 'city', entityId: id, summary: { ...fields } });
		return id;
	});
	return ok({ id });
}

export async function updateCity(db: Db, actor: Actor | null, id: number, input: unknown): Promise<Result<{ id: number }>> {
	if (!canOnMembers(actor, 'city.update', id)) return forbidden();
	const parsed = validate(updateCitySchema, input);
	if (!parsed.ok) return parsed;
	const { version, ...fields } = parsed.value;
	const before = await repo.findCityById(db, id);
	if (!before) return notFound();
	if (!(await ensureCountry(db, fields.countryCode)))
		return fail(400, 'common.errors.validation', { countryCode: ['members.validation.country_unknown'] });
	const clash = await repo.findCityByNameAndCountry(db, fields.name, fields.countryCode);
	if (clash && clash.id !== id) return fail(409, 'members.city.duplicate', { name: ['members.city.duplicate'] });
	return db.transaction().execute(async (trx) => {
		const updated = await repo.updateCity(trx, id, version, fields as CityFields);
		if (!updated) return conflict('common.errors.stale');
		await recordAudit(trx, actor, {
			action: 'city.update',
			entityType: 'city',
			entityId: id,
			summary: diffFields(
				{
					name: before.name,
					countryCode: before.country_code,
					subdivision: before.subdivision ?? undefined,
					population: before.population,
					latitude: before.latitude ?? undefined,
					longitude: before.longitude ?? undefined,
					website: before.website ?? undefined,
					languages: before.languages ? before.languages.split(',') : [],
					joinedOn: before.joined_on ?? undefined,
					governmentChangedOn: before.government_changed_on ?? undefined
				} as Record<string, unknown>,
				fields as Record<string, unknown>
			)
		});
		return ok({ id });
	});
}

export async function changeCityStatus(db: Db, actor: Actor | null, id: number, input: unknown): Promise<Result<{ status: CityStatus }>> {
	if (!canOnMembers(actor, 'city.change_status', id)) return forbidden();
	const parsed = validate(changeStatusSchema, input);
	if (!parsed.ok) return parsed;
	const city = await repo.findCityById(db, id);
	if (!city) return notFound();
	const { status, reason, changedOn } = parsed.value;
	if (city.status === status) return fail(400, 'common.errors.validation', { status: ['members.status.unchanged'] });
	await db.transaction().execute(async (trx) => {
		await repo.updateCityStatus(trx, id, status, changedOn);
		await repo.insertStatusChange(trx, {
			cityId: id,
			from: city.status,
			to: status,
			reason,
			changedOn,
			actorUserId: actor?.userId ?? null
		});
		await recordAudit(trx, actor, {
			action: 'city.change_status',
			entityType: 'city',
			entityId: id,
			summary: { status: { from: city.status, to: status }, reason }
		});
	});
	return ok({ status });
}

export async function addContact(db: Db, actor: Actor | null, cityId: number, input: unknown): Promise<Result<{ id: number }>> {
	if (!canOnMembers(actor, 'contact.manage', cityId)) return forbidden();
	const parsed = validate(contactSchema, input);
	if (!parsed.ok) return parsed;
	if (!(await repo.findCityById(db, cityId))) return notFound();
	const id = await db.transaction().execute(async (trx) => {
		const id = await repo.insertContact(trx, cityId, parsed.value);
		await recordAudit(trx, actor, {
			action: 'contact.create',
			entityType: 'city_contact',
			entityId: id,
			summary: { cityId, ...parsed.value }
		});
		return id;
	});
	return ok({ id });
}

export async function updateContact(db: Db, actor: Actor | null, contactId: number, input: unknown): Promise<Result<{ id: number }>> {
	const contact = await repo.findContact(db, contactId);
	if (!contact) return notFound();
	if (!canOnMembers(actor, 'contact.manage', contact.city_id)) return forbidden();
	const parsed = validate(contactSchema, input);
	if (!parsed.ok) return parsed;
	await db.transaction().execute(async (trx) => {
		await repo.updateContact(trx, contactId, parsed.value);
		await recordAudit(trx, actor, {
			action: 'contact.update',
			entityType: 'city_contact',
			entityId: contactId,
			summary: diffFields(contact as unknown as Record<string, unknown>, {
				kind: parsed.value.kind,
				name: parsed.value.name,
				position: parsed.value.position ?? null,
				email: parsed.value.email ?? null,
				phone: parsed.value.phone ?? null,
				language: parsed.value.language
			})
		});
	});
	return ok({ id: contactId });
}

export async function removeContact(db: Db, actor: Actor | null, contactId: number): Promise<Result<{ cityId: number }>> {
	const contact = await repo.findContact(db, contactId);
	if (!contact) return notFound();
	if (!canOnMembers(actor, 'contact.manage', contact.city_id)) return forbidden();
	await db.transaction().execute(async (trx) => {
		await repo.deleteContact(trx, contactId);
		await recordAudit(trx, actor, { action: 'contact.delete', entityType: 'city_contact', entityId: contactId, summary: { ...contact } });
	});
	return ok({ cityId: contact.city_id });
}

export async function createCountry(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ code: string }>> {
	if (!canOnMembers(actor, 'country.update')) return forbidden();
	const parsed = validate(countrySchema.extend({ code: countryCodeSchema }), input);
	if (!parsed.ok) return parsed;
	const { code, region, incomeGroup } = parsed.value;
	if (await repo.findCountry(db, code)) return fail(409, 'members.countries.exists', { code: ['members.countries.exists'] });
	await db.transaction().execute(async (trx) => {
		await repo.upsertCountry(trx, code, region, incomeGroup);
		await recordAudit(trx, actor, { action: 'country.create', entityType: 'country', entityId: code, summary: { region, incomeGroup } });
	});
	return ok({ code });
}

export async function updateCountry(db: Db, actor: Actor | null, code: string, input: unknown): Promise<Result<null>> {
	if (!canOnMembers(actor, 'country.update')) return forbidden();
	const parsed = validate(countrySchema, input);
	if (!parsed.ok) return parsed;
	const before = await repo.findCountry(db, code);
	if (!before) return notFound();
	await db.transaction().execute(async (trx) => {
		await repo.upsertCountry(trx, code, parsed.value.region, parsed.value.incomeGroup);
		await recordAudit(trx, actor, {
			action: 'country.update',
			entityType: 'country',
			entityId: code,
			summary: diffFields({ region: before.region, incomeGroup: before.income_group }, parsed.value)
		});
	});
	return ok(null);
}

export async function saveFeeGrid(db: Db, actor: Actor | null, input: unknown): Promise<Result<{ id: number }>> {
	if (!canOnMembers(actor, 'fee_grid.manage')) return forbidden();
	const parsed = validate(feeGridSchema, input);
	if (!parsed.ok) return parsed;
	const { year, currency, bands } = parsed.value;
	const sorted = [...bands].sort((a, b) => a.minPopulation - b.minPopulation);
	for (let i = 0; i < sorted.length; i++) {
		const band = sorted[i];
		const next = sorted[i + 1];
		const bad =
			(band.maxPopulation !== undefined && band.maxPopulation < band.minPopulation) ||
			(next && (band.maxPopulation === undefined || band.maxPopulation + 1 !== next.minPopulation)) ||
			(!next && band.maxPopulation !== undefined);
		if (bad) return fail(400, 'members.fee_grid.bands_not_contiguous', { bands: ['members.fee_grid.bands_not_contiguous'] });
	}
	if (sorted[0].minPopulation !== 0)
		return fail(400, 'members.fee_grid.bands_not_contiguous', { bands: ['members.fee_grid.bands_not_contiguous'] });
	const id = await db.transaction().execute(async (trx) => {
		const id = await feesRepo.replaceFeeGrid(trx, year, currency, sorted);
		await recordAudit(trx, actor, {
			action: 'fee_grid.save',
			entityType: 'fee_grid',
			entityId: year,
			summary: { year, currency, bands: sorted }
		});
		return id;
	});
	return ok({ id });
}

/** The fee a city owes for a year according to the grid in force that year. */
export async function expectedAnnualFee(db: Db, cityId: number, year: number): Promise<{ cents: number; currency: string } | undefined> {
	const city = await repo.findCityById(db, cityId);
	const grid = await feesRepo.findFeeGridForYear(db, year);
	if (!city || !grid) return undefined;
	const cents = computeAnnualFeeCents(grid.bands, city.income_group as IncomeGroup, city.population);
	return cents === undefined ? undefined : { cents, currency: grid.currency };
}

export async function createFee(db: Db, actor: Actor | null, cityId: number, input: unknown): Promise<Result<{ id: number }>> {
	if (!canOnMembers(actor, 'fee.manage', cityId)) return forbidden();
	const parsed = validate(createFeeSchema, input);
	if (!parsed.ok) return parsed;
	const { year, dueOn } = parsed.value;
	if (!(await repo.findCityById(db, cityId))) return notFound();
	if (await feesRepo.findFeeOfCityForYear(db, cityId, year))
		return fail(409, 'members.fees.duplicate_year', { year: ['members.fees.duplicate_year'] });
	let amount = parsed.value.amount;
	let currency = parsed.value.currency;
	if (amount === undefined) {
		const expected = await expectedAnnualFee(db, cityId, year);
		if (!expected) return fail(400, 'members.fees.no_grid', { amount: ['members.fees.no_grid'] });
		amount = expected.cents;
		currency = expected.currency as typeof currency;
	}
	const invoiceNumber = parsed.value.invoiceNumber ?? `${year}-${String(cityId).padStart(5, '0')}`;
	if (await feesRepo.findFeeByInvoiceNumber(db, invoiceNumber))
		return fail(409, 'members.fees.duplicate_invoice', { invoiceNumber: ['members.fees.duplicate_invoice'] });
	const id = await db.transaction().execute(async (trx) => {
		const id = await feesRepo.insertFee(trx, { cityId, year, invoiceNumber, amountCents: amount, currency, dueOn });
		await recordAudit(trx, actor, {
			action: 'fee.create',
			entityType: 'membership_fee',
			entityId: id,
			summary: { cityId, year, invoiceNumber, amount, currency, dueOn }
		});
		await refreshArrearsInTransaction(trx, actor, todayIso(), cityId);
		return id;
	});
	return ok({ id });
}

export async function recordPayment(
	db: Db,
	actor: Actor | null,
	feeId: number,
	input: unknown
): Promise<Result<{ id: number; balanceCents: number }>> {
	const fee = await feesRepo.findFee(db, feeId);
	if (!fee) return notFound();
	if (!canOnMembers(actor, 'payment.record', fee.city_id)) return forbidden();
	const parsed = validate(paymentSchema, input);
	if (!parsed.ok) return parsed;
	if (parsed.value.currency !== fee.currency)
		return fail(400, 'common.errors.validation', { currency: ['members.payments.currency_mismatch'] });
	return db.transaction().execute(async (trx) => {
		const paid = await feesRepo.sumPayments(trx, feeId);
		const balance = fee.amount_cents - paid;
		if (parsed.value.amount > balance)
			return fail(400, 'common.errors.validation', { amount: ['members.payments.over_balance'] }, { balance });
		const id = await feesRepo.insertPayment(trx, feeId, parsed.value);
		await recordAudit(trx, actor, {
			action: 'payment.record',
			entityType: 'fee_payment',
			entityId: id,
			summary: { feeId, cityId: fee.city_id, ...parsed.value, balanceAfter: balance - parsed.value.amount }
		});
		await refreshArrearsInTransaction(trx, actor, todayIso(), fee.city_id);
		return ok({ id, balanceCents: balance - parsed.value.amount });
	});
}

/** "Up to date with fees": no fee past its due date with money still owed. Other modules call this. */
export async function isUpToDateWithFees(db: Db, cityId: number, today = todayIso()): Promise<boolean> {
	return (await feesRepo.listCityIdsWithOverdueFees(db, today, cityId)).length === 0;
}

/**
 * Moves active cities with overdue fees to in_arrears and in_arrears cities that have paid back to
 * active, recording each change. Idempotent, so several app servers may run it at once.
 */
async function refreshArrearsInTransaction(db: DbOrTrx, actor: Actor | null, today: string, cityId?: number) {
	const overdue = new Set(await feesRepo.listCityIdsWithOverdueFees(db, today, cityId));
	const candidates = await feesRepo.listCitiesByStatus(db, ['active', 'in_arrears'], cityId);
	let changed = 0;
	for (const city of candidates) {
		const target: CityStatus | undefined =
			city.status === 'active' && overdue.has(city.id)
				? 'in_arrears'
				: city.status === 'in_arrears' && !overdue.has(city.id)
					? 'active'
					: undefined;
		if (!target) continue;
		const reason = target === 'in_arrears' ? 'members.status.reason_fee_overdue' : 'members.status.reason_fees_paid';
		await repo.updateCityStatus(db, city.id, target, today);
		await repo.insertStatusChange(db, {
			cityId: city.id,
			from: city.status,
			to: target,
			reason,
			changedOn: today,
			actorUserId: actor?.userId ?? null
		});
		await recordAudit(db, actor, {
			action: 'city.change_status',
			entityType: 'city',
			entityId: city.id,
			summary: { status: { from: city.status, to: target }, reason }
		});
		changed++;
	}
	return changed;
}

export async function refreshArrears(db: Db, actor: Actor | null, today = todayIso()): Promise<number> {
	return db.transaction().execute((trx) => refreshArrearsInTransaction(trx, actor, today));
}
