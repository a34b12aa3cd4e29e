import { checkHealth } from '#lib/server/core/health.ts';

export async function GET({ locals }) {
	const { httpStatus, report } = await checkHealth(locals.app.database);
	return Response.json(report, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
