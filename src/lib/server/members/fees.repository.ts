import type { DbOrTrx } from '../db/index.ts';
import { nowIso } from '../core/clock.ts';
import type { PaymentInput } from '../../shared/members/schemas.ts';

export async function findFeeGridForYear(db: DbOrTrx, year: number) {
	const grid = await db.selectFrom('fee_grid').selectAll().where('year', '<=', year).orderBy('year', 'desc').limit(1).executeTakeFirst();
	if (!grid) return undefined;
	const bands = await db.selectFrom('fee_grid_band').selectAll().where('grid_id', '=', grid.id).orderBy('min_population').execute();
	return { ...grid, bands };
}

export async function listFeeGrids(db: DbOrTrx) {
	const grids = await db.selectFrom('fee_grid').selectAll().orderBy('year', 'desc').execute();
	const bands = grids.length
		? await db
				.selectFrom('fee_grid_band')
				.selectAll()
				.where(
					'grid_id',
					'in',
					grids.map((g) => g.id)
				)
				.orderBy('min_population')
				.execute()
		: [];
	return grids.map((g) => ({ ...g, bands: bands.filter((b) => b.grid_id === g.id) }));
}

export interface GridBandValues {
	band: string;
	minPopulation: number;
	maxPopulation?: number | null;
	feeI: number;
	feeII: number;
	feeIII: number;
	feeIV: number;
}

/** Replaces the grid of a year (creating it when new). */
export async function replaceFeeGrid(db: DbOrTrx, year: number, currency: string, bands: GridBandValues[]) {
	const existing = await db.selectFrom('fee_grid').select('id').where('year', '=', year).executeTakeFirst();
	const gridId = existing
		? existing.id
		: (await db.insertInto('fee_grid').values({ year, currency, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow()).id;
	if (existing) {
		await db.updateTable('fee_grid').set({ currency }).where('id', '=', gridId).execute();
		await db.deleteFrom('fee_grid_band').where('grid_id', '=', gridId).execute();
	}
	await db
		.insertInto('fee_grid_band')
		.values(
			bands.map((b) => ({
				grid_id: gridId,
				band: b.band,
				min_population: b.minPopulation,
				max_population: b.maxPopulation ?? null,
				fee_group_i_cents: b.feeI,
				fee_group_ii_cents: b.feeII,
				fee_group_iii_cents: b.feeIII,
				fee_group_iv_cents: b.feeIV
			}))
		)
		.execute();
	return gridId;
}

export async function listFeesOfCity(db: DbOrTrx, cityId: number) {
	const fees = await db.selectFrom('membership_fee').selectAll().where('city_id', '=', cityId).orderBy('year', 'desc').execute();
	const payments = fees.length
		? await db
				.selectFrom('fee_payment')
				.selectAll()
				.where(
					'fee_id',
					'in',
					fees.map((f) => f.id)
				)
				.orderBy('paid_on')
				.orderBy('id')
				.execute()
		: [];
	return fees.map((fee) => {
		const own = payments.filter((p) => p.fee_id === fee.id);
		const paid = own.reduce((sum, p) => sum + p.amount_cents, 0);
		return { ...fee, payments: own, paid_cents: paid, balance_cents: fee.amount_cents - paid };
	});
}

export async function findFee(db: DbOrTrx, feeId: number) {
	return db.selectFrom('membership_fee').selectAll().where('id', '=', feeId).executeTakeFirst();
}

export async function findFeeOfCityForYear(db: DbOrTrx, cityId: number, year: number) {
	return db.selectFrom('membership_fee').select('id').where('city_id', '=', cityId).where('year', '=', year).executeTakeFirst();
}

export async function findFeeByInvoiceNumber(db: DbOrTrx, invoiceNumber: string) {
	return db.selectFrom('membership_fee').select('id').where('invoice_number', '=', invoiceNumber).executeTakeFirst();
}

export async function countFeesOfYear(db: DbOrTrx, year: number) {
	const row = await db
		.selectFrom('membership_fee')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('year', '=', year)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertFee(
	db: DbOrTrx,
	fee: { cityId: number; year: number; invoiceNumber: string; amountCents: number; currency: string; dueOn: string }
) {
	const now = nowIso();
	const row = await db
		.insertInto('membership_fee')
		.values({
			city_id: fee.cityId,
			year: fee.year,
			invoice_number: fee.invoiceNumber,
			amount_cents: fee.amountCents,
			currency: fee.currency,
			due_on: fee.dueOn,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function insertPayment(db: DbOrTrx, feeId: number, payment: PaymentInput) {
	const row = await db
		.insertInto('fee_payment')
		.values({
			fee_id: feeId,
			amount_cents: payment.amount,
			currency: payment.currency,
			paid_on: payment.paidOn,
			method: payment.method,
			intermediary: payment.intermediary ?? null,
			reference: payment.reference ?? null,
			created_at: nowIso()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function sumPayments(db: DbOrTrx, feeId: number) {
	const row = await db
		.selectFrom('fee_payment')
		.select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_cents'), eb.lit(0)).as('paid'))
		.where('fee_id', '=', feeId)
		.executeTakeFirstOrThrow();
	return Number(row.paid);
}

/** Cities with at least one fee past its due date and not fully paid. */
export async function listCityIdsWithOverdueFees(db: DbOrTrx, today: string, cityId?: number) {
	let query = db
		.selectFrom('membership_fee')
		.leftJoin('fee_payment', 'fee_payment.fee_id', 'membership_fee.id')
		.select(['membership_fee.city_id'])
		.where('membership_fee.due_on', '<', today)
		.groupBy(['membership_fee.id', 'membership_fee.city_id', 'membership_fee.amount_cents'])
		.having((eb) =>
			eb(eb.fn.coalesce(eb.fn.sum<number>('fee_payment.amount_cents'), eb.lit(0)), '<', eb.ref('membership_fee.amount_cents'))
		);
	if (cityId !== undefined) query = query.where('membership_fee.city_id', '=', cityId);
	const rows = await query.execute();
	return [...new Set(rows.map((r) => r.city_id))];
}

export async function listCitiesByStatus(db: DbOrTrx, statuses: string[], cityId?: number) {
	let query = db.selectFrom('city').select(['id', 'status']).where('status', 'in', statuses);
	if (cityId !== undefined) query = query.where('id', '=', cityId);
	return query.execute();
}
