// Every state change is audited (core/audit.ts), and the audit calls this: whatever keeps copies of
// data in this process (the public page cache) listens here to drop them.
const listeners = new Set<() => void>();

export function onDataChanged(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function notifyDataChanged(): void {
	for (const listener of listeners) listener();
}
