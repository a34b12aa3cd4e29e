import { describe, expect, it } from 'vitest';
import { clusterPoints, markerRadius, projectPoints, worldBasemap, worldMapData, type MapPointInput } from './world-map.ts';

const barcelona = { id: 1, name: 'Barcelona', latitude: 41.3874, longitude: 2.1686, href: '/en/cities/1' };
const lisbon = { id: 2, name: 'Lisboa', latitude: 38.7223, longitude: -9.1393, href: '/en/cities/2' };
const rosario = { id: 3, name: 'Rosario', latitude: -32.9442, longitude: -60.6505, href: '/en/cities/3' };
const sabadell = { id: 4, name: 'Sabadell', latitude: 41.5433, longitude: 2.1094, href: '/en/cities/4' };
const seoul = { id: 5, name: 'Seoul', latitude: 37.5665, longitude: 126.978, href: '/en/cities/5' };

describe('world basemap', () => {
	it('draws land and borders as non-empty, compact SVG paths', () => {
		const map = worldBasemap();
		expect(map.width).toBe(960);
		expect(map.height).toBeGreaterThan(350);
		expect(map.height).toBeLessThan(500);
		expect(map.viewBox).toBe(`0 0 960 ${map.height}`);
		for (const d of [map.landPath, map.bordersPath]) {
			expect(d).toMatch(/^M[\d.]+[ -.]?[\d.-]+l/);
			expect(d).not.toMatch(/NaN|Infinity|e[+-]/);
		}
		expect(map.landPath).toContain('z');
		// The whole drawing stays small enough to inline in every page that shows it.
		expect(map.landPath.length + map.bordersPath.length).toBeLessThan(100_000);
	});

	it('is computed once per process', () => {
		const first = worldBasemap();
		const second = worldBasemap();
		expect(second.landPath).toBe(first.landPath);
		expect(second.bordersPath).toBe(first.bordersPath);
		expect(worldMapData([]).landPath).toBe(first.landPath);
		// The same string instance, not an equal recomputation.
		expect(Object.is(worldMapData([barcelona]).bordersPath, first.bordersPath)).toBe(true);
	});
});

describe('projectPoints', () => {
	it('places cities where they are: Barcelona east of Lisbon and north of Rosario', () => {
		const [bcn, lis, ros] = projectPoints([barcelona, lisbon, rosario]);
		expect(bcn.x).toBeGreaterThan(lis.x);
		expect(bcn.y).toBeLessThan(ros.y); // SVG y grows downwards
		expect(ros.x).toBeLessThan(lis.x);
		const { width, height } = worldBasemap();
		for (const p of [bcn, lis, ros]) {
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(width);
			expect(p.y).toBeGreaterThan(0);
			expect(p.y).toBeLessThan(height);
		}
	});

	it('rounds to one decimal and keeps the input fields', () => {
		const [p] = projectPoints([barcelona]);
		expect(Math.round(p.x * 10) / 10).toBe(p.x);
		expect(Math.round(p.y * 10) / 10).toBe(p.y);
		expect(p).toMatchObject({ id: 1, name: 'Barcelona', href: '/en/cities/1' });
	});

	it('drops points without usable coordinates', () => {
		const broken = [
			{ id: 9, name: 'Nowhere', latitude: Number.NaN, longitude: 0 },
			{ id: 10, name: 'Off the globe', latitude: 95, longitude: 0 }
		];
		expect(projectPoints([...broken, barcelona]).map((p) => p.id)).toEqual([1]);
	});
});

describe('clusterPoints', () => {
	it('merges nearby points into one counted marker and keeps far ones apart', () => {
		const markers = clusterPoints(projectPoints([barcelona, sabadell, lisbon, rosario, seoul]));
		expect(markers).toHaveLength(4);
		const catalan = markers.find((m) => m.count === 2);
		expect(catalan?.members.map((m) => m.name)).toEqual(['Barcelona', 'Sabadell']);
		expect(catalan?.r).toBeGreaterThan(markerRadius(1));
		// A cluster of different pages has no single destination.
		expect(catalan?.href).toBeUndefined();
		for (const single of markers.filter((m) => m.count === 1)) {
			expect(single.href).toBe(single.members[0].href);
			expect(single.key).toBe(`p-${single.members[0].id}`);
		}
	});

	it('places a cluster between its members', () => {
		const [bcn, sab] = projectPoints([barcelona, sabadell]);
		const [marker] = clusterPoints([bcn, sab]);
		expect(marker.x).toBeGreaterThanOrEqual(Math.min(bcn.x, sab.x));
		expect(marker.x).toBeLessThanOrEqual(Math.max(bcn.x, sab.x));
		expect(marker.y).toBeGreaterThanOrEqual(Math.min(bcn.y, sab.y));
		expect(marker.y).toBeLessThanOrEqual(Math.max(bcn.y, sab.y));
	});

	it('links a cluster to the most specific group all its points share', () => {
		const europe = { href: '/en/cities?region=europe', label: 'Europe' };
		const spain = { href: '/en/cities?country=ES', label: 'Spain' };
		const andorra = { href: '/en/cities?country=AD', label: 'Andorra' };
		const [marker] = clusterPoints(
			projectPoints([
				{ ...barcelona, groups: [spain, europe] },
				{ ...sabadell, groups: [spain, europe] }
			])
		);
		expect(marker).toMatchObject({ count: 2, href: spain.href, groupLabel: 'Spain' });

		const [regional] = clusterPoints(
			projectPoints([
				{ ...barcelona, groups: [spain, europe] },
				{ ...sabadell, groups: [andorra, europe] }
			])
		);
		expect(regional).toMatchObject({ count: 2, href: europe.href, groupLabel: 'Europe' });

		const [mixed] = clusterPoints(
			projectPoints([
				{ ...barcelona, groups: [spain] },
				{ ...sabadell, groups: [andorra] }
			])
		);
		expect(mixed.count).toBe(2);
		expect(mixed.href).toBeUndefined();
		expect(mixed.groupLabel).toBeUndefined();
	});

	it('leaves no two markers overlapping much, even for a dense region', () => {
		// 60 points on a small grid around Barcelona, plus far-away cities.
		const dense: MapPointInput[] = Array.from({ length: 60 }, (_, i) => ({
			id: 100 + i,
			name: `Town ${i}`,
			latitude: 40 + (i % 10) * 0.3,
			longitude: -2 + Math.floor(i / 10) * 0.6
		}));
		const markers = clusterPoints(projectPoints([...dense, rosario, seoul]));
		expect(markers.reduce((sum, m) => sum + m.count, 0)).toBe(62);
		expect(markers.length).toBeLessThan(10);
		for (let i = 0; i < markers.length; i++) {
			for (let j = i + 1; j < markers.length; j++) {
				const [a, b] = [markers[i], markers[j]];
				expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual((a.r + b.r) * 0.9);
			}
		}
	});

	it('lists markers from west to east, the order keyboard users meet them', () => {
		const markers = clusterPoints(projectPoints([seoul, barcelona, rosario, lisbon]));
		expect(markers.map((m) => m.members[0].name)).toEqual(['Rosario', 'Lisboa', 'Barcelona', 'Seoul']);
	});

	it('is deterministic whatever the input order', () => {
		const points = projectPoints([barcelona, sabadell, lisbon, rosario, seoul]);
		expect(clusterPoints([...points].reverse())).toEqual(clusterPoints(points));
	});
});

describe('worldMapData', () => {
	it('returns the basemap, the markers and how many points were placed', () => {
		const data = worldMapData([barcelona, lisbon, { id: 9, name: 'Nowhere', latitude: Number.NaN, longitude: 0 }]);
		expect(data.pointCount).toBe(2);
		expect(data.points.map((p) => p.key).sort()).toEqual(['p-1', 'p-2']);
		expect(data.viewBox).toBe(worldBasemap().viewBox);
	});
});
