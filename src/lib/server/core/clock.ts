/** Current time as ISO-8601 UTC text, the format every timestamp column holds. */
export function nowIso(): string {
	return new Date().toISOString();
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}
