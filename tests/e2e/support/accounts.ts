import { networkDefinitions } from '../../../src/lib/server/demo/demo-data.ts';

// The demo accounts loaded by src/lib/server/demo/seed.ts (demo-data.ts), all with the same password.
export const demoPassword = 'educating-cities-demo';

const domain = 'demo.educatingcities.org';

export const demoAccounts = {
	administrator: `admin@${domain}`,
	secretariat: `secretariat@${domain}`,
	/** Political representative of Barcelona. */
	representative: `representative@${domain}`,
	/** Technical representative of Lisbon. */
	technical: `technical@${domain}`,
	/** Coordinator of the Portuguese network. */
	coordinator: `coordinator@${domain}`,
	/** Coordinator of the Spanish network. */
	coordinator2: `coordinator2@${domain}`,
	/** A specialist on the 2026 award jury (reads French). */
	juror: `juror@${domain}`,
	/** The chair of the 2026 award jury (reads Spanish). */
	chair: `chair@${domain}`
} as const;

/** A suffix that keeps the records a journey creates apart from those of other journeys and runs. */
export function uniqueSuffix(): string {
	return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Today and days around it as YYYY-MM-DD in UTC, the server's calendar (core/clock.ts). */
export function isoDay(offsetDays = 0): string {
	return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The names of the demo networks in each language, as the demo loader writes them. */
export function demoNetworkName(slug: string, locale: 'es' | 'en' | 'fr' | 'pt'): string {
	const network = networkDefinitions.find((n) => n.slug === slug);
	if (!network) throw new Error(`no demo network ${slug}`);
	return network.name[locale];
}
