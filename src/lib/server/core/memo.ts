/**
 * Keeps the result of a slow-changing read for a few seconds. Used for lists that every page
 * repeats (filter options), where a change showing up seconds later on another server is fine.
 */
export function memoize<T>(seconds: number, read: () => Promise<T>): { get(): Promise<T>; clear(): void } {
	let value: Promise<T> | undefined;
	let expires = 0;
	return {
		get() {
			const now = Date.now();
			if (!value || now >= expires) {
				expires = now + seconds * 1000;
				value = read().catch((error) => {
					value = undefined;
					throw error;
				});
			}
			return value;
		},
		clear() {
			value = undefined;
		}
	};
}
