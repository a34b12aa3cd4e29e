import { sql } from 'kysely';
import { appContext } from '#lib/server/context.ts';

export async function GET() {
	const context = await appContext();
	const started = performance.now();
	try {
		await sql`select 1`.execute(context.database.db);
		return Response.json(
			{ status: 'ok', database: context.database.kind, latencyMs: Math.round((performance.now() - started) * 10) / 10, uptimeSeconds: Math.round(process.uptime()) },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return Response.json({ status: 'unavailable', database: context.database.kind }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
}
