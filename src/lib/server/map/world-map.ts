// The world map of member cities, drawn on the server as SVG: no tiles, no network, no client script.
// The basemap (land and country borders from Natural Earth 1:110m, via world-atlas) is projected once
// per process; each request only projects and clusters its points.
import { createRequire } from 'node:module';
import { geoConicEqualArea, geoEqualEarth, geoPath, type GeoProjection, type GeoPermissibleObjects } from 'd3-geo';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The drawing is made for this width; the height follows from the projection (about 960×440). */
export const mapWidth = 960;
/** Room around the land so that markers on the edges are not cut. */
const margin = 12;
/** Antarctica has no member cities and would take a sixth of the height. */
const excludedCountryIds = new Set(['010']);

export interface MapPointInput {
	id: number | string;
	name: string;
	latitude: number;
	longitude: number;
	/** Where a marker for this single point links. */
	href?: string;
	/**
	 * The groups the point belongs to, most specific first (its country's city list, then its region's):
	 * a cluster links to the first group that all its points share.
	 */
	groups?: readonly MapGroup[];
	/** How much the point counts for when sizing a marker and seeding clusters; default 1. */
	weight?: number;
}

export interface MapGroup {
	href: string;
	/** The group's name (e.g. a country's), to name the cluster's link. */
	label: string;
}

export interface ProjectedPoint extends MapPointInput {
	x: number;
	y: number;
}

export interface MapMarker {
	key: string;
	x: number;
	y: number;
	/** Radius in viewBox units. */
	r: number;
	/** How many points the marker stands for: 1 is a single city, more is a cluster. */
	count: number;
	href?: string;
	/** The group's name when the cluster links to its group. */
	groupLabel?: string;
	/** The points inside, heaviest first, then by name. */
	members: { id: number | string; name: string; href?: string }[];
}

export interface WorldBasemap {
	width: number;
	height: number;
	viewBox: string;
	/** All land as one path. */
	landPath: string;
	/** Borders between countries (shared arcs only, each drawn once). */
	bordersPath: string;
}

export interface WorldMapData extends WorldBasemap {
	points: MapMarker[];
	/** How many input points had usable coordinates. */
	pointCount: number;
}

/** The whole world, or a closer view of Europe, where most member cities are. */
export type MapView = 'world' | 'europe';

export interface ClusterOptions {
	view?: MapView;
	/** Points closer than this (viewBox units) to a cluster's centre join it. */
	joinDistance?: number;
	/** Markers whose centres are closer than this share of their summed radii are merged (1: any overlap). */
	overlap?: number;
}

interface Basemap extends WorldBasemap {
	projection: GeoProjection;
}

const cachedBasemaps = new Map<MapView, Basemap>();

/** Western and central Europe with the Mediterranean rim: the frame of the closer view. */
const europeFrame = {
	type: 'Feature' as const,
	properties: {},
	geometry: {
		type: 'Polygon' as const,
		coordinates: [[[-11, 34], [-11, 61], [32, 61], [32, 34], [-11, 34]]]
	}
};
const europeHeight = 640;

function loadBasemap(view: MapView = 'world'): Basemap {
	const known = cachedBasemaps.get(view);
	if (known) return known;
	const require = createRequire(import.meta.url);
	const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
	const kept: GeometryCollection = {
		type: 'GeometryCollection',
		geometries: topology.objects.countries.geometries.filter((g) => !excludedCountryIds.has(String(g.id)))
	};
	const land = merge(topology, kept.geometries as Parameters<typeof merge>[1]);
	const borders = mesh(topology, kept, (a, b) => a !== b);

	let projection: GeoProjection;
	let height: number;
	if (view === 'europe') {
		projection = geoConicEqualArea()
			.parallels([40, 58])
			.rotate([-10, 0])
			.fitExtent(
				[
					[margin, margin],
					[mapWidth - margin, europeHeight - margin]
				],
				europeFrame
			)
			.clipExtent([
				[0, 0],
				[mapWidth, europeHeight]
			]);
		height = europeHeight;
	} else {
		projection = geoEqualEarth().fitWidth(mapWidth - 2 * margin, land);
		const [tx, ty] = projection.translate();
		projection.translate([tx + margin, ty + margin]);
		const [, [, bottom]] = geoPath(projection).bounds(land);
		height = Math.ceil(bottom + margin);
	}

	const basemap: Basemap = {
		width: mapWidth,
		height,
		viewBox: `0 0 ${mapWidth} ${height}`,
		landPath: compactPath(projection, land),
		bordersPath: compactPath(projection, borders),
		projection
	};
	cachedBasemaps.set(view, basemap);
	return basemap;
}

/** The projected land and borders, computed once per process. */
export function worldBasemap(view: MapView = 'world'): WorldBasemap {
	const { width, height, viewBox, landPath, bordersPath } = loadBasemap(view);
	return { width, height, viewBox, landPath, bordersPath };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Projects points to x/y in the basemap's viewBox (one decimal); points without usable coordinates are dropped. */
export function projectPoints<P extends MapPointInput>(points: readonly P[], view: MapView = 'world'): (P & { x: number; y: number })[] {
	const { projection, width, height } = loadBasemap(view);
	const projected: (P & { x: number; y: number })[] = [];
	for (const point of points) {
		const { latitude, longitude } = point;
		if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) continue;
		const xy = projection([longitude, latitude]);
		if (!xy) continue;
		// The closer view only shows what falls inside its frame.
		if (view !== 'world' && (xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height)) continue;
		// Far-south points (below the cut-off Antarctic) stay on the drawing's edge rather than vanish.
		projected.push({ ...point, x: round1(clamp(xy[0], 0, width)), y: round1(clamp(xy[1], 0, height)) });
	}
	return projected;
}

/** Marker radius: a single city is a small dot; clusters grow with the square root of their weight. */
export function markerRadius(count: number, weight = count): number {
	if (count <= 1 && weight <= 1) return 4.5;
	return round1(Math.min(16, 5 + 1.5 * Math.sqrt(Math.max(weight, 2))));
}

interface Cluster {
	x: number;
	y: number;
	weight: number;
	points: ProjectedPoint[];
}

/**
 * Groups points that would overlap at world scale. Greedy and deterministic: the heaviest points seed
 * clusters, nearby points join the closest one, then clusters whose circles overlap too much are merged.
 */
export function clusterPoints(points: readonly ProjectedPoint[], options: ClusterOptions = {}): MapMarker[] {
	const joinDistance = options.joinDistance ?? 9;
	const overlap = options.overlap ?? 0.9;
	const ordered = [...points].sort(byWeightThenName);

	let clusters: Cluster[] = [];
	for (const point of ordered) {
		const weight = pointWeight(point);
		let best: Cluster | null = null;
		let bestDistance = joinDistance;
		for (const cluster of clusters) {
			const d = Math.hypot(cluster.x - point.x, cluster.y - point.y);
			if (d < bestDistance) {
				best = cluster;
				bestDistance = d;
			}
		}
		if (best) {
			const total = best.weight + weight;
			best.x = (best.x * best.weight + point.x * weight) / total;
			best.y = (best.y * best.weight + point.y * weight) / total;
			best.weight = total;
			best.points.push(point);
		} else {
			clusters.push({ x: point.x, y: point.y, weight, points: [point] });
		}
	}

	// Resolve overlaps between the circles, closest pair first, until none is left.
	const radius = (c: Cluster) => markerRadius(c.points.length, c.weight);
	for (;;) {
		let pair: [number, number] | null = null;
		let closest = Infinity;
		for (let i = 0; i < clusters.length; i++) {
			for (let j = i + 1; j < clusters.length; j++) {
				const a = clusters[i];
				const b = clusters[j];
				const d = Math.hypot(a.x - b.x, a.y - b.y);
				if (d < (radius(a) + radius(b)) * overlap && d < closest) {
					closest = d;
					pair = [i, j];
				}
			}
		}
		if (!pair) break;
		const [i, j] = pair;
		const a = clusters[i];
		const b = clusters[j];
		const total = a.weight + b.weight;
		const merged: Cluster = {
			x: (a.x * a.weight + b.x * b.weight) / total,
			y: (a.y * a.weight + b.y * b.weight) / total,
			weight: total,
			points: [...a.points, ...b.points].sort(byWeightThenName)
		};
		clusters = clusters.filter((_, index) => index !== i && index !== j);
		clusters.push(merged);
	}

	return clusters
		.map((cluster): MapMarker => {
			const members = cluster.points.map((p) => ({ id: p.id, name: p.name, ...(p.href ? { href: p.href } : {}) }));
			const count = cluster.points.length;
			const single = count === 1 ? cluster.points[0] : null;
			const group = single ? undefined : sharedGroup(cluster.points);
			const href = single ? single.href : group?.href;
			return {
				key: single ? `p-${single.id}` : `c-${cluster.points.map((p) => String(p.id)).sort()[0]}`,
				x: round1(cluster.x),
				y: round1(cluster.y),
				r: markerRadius(count, cluster.weight),
				count,
				...(href ? { href } : {}),
				...(group ? { groupLabel: group.label } : {}),
				members
			};
		})
		// West to east: the order in which keyboard and screen-reader users meet the markers. Circles
		// barely overlap after the merging above, so the drawing order does not hide any of them.
		.sort((a, b) => a.x - b.x || a.y - b.y);
}

const recentMaps = new Map<string, WorldMapData>();
const recentMapsLimit = 8;

/**
 * Everything the WorldMap component needs: basemap paths and the clustered markers. The same points
 * (the public map, asked for in four languages) give the same answer, so a few recent ones are kept.
 */
export function worldMapData(points: readonly MapPointInput[], options: ClusterOptions = {}): WorldMapData {
	const key = JSON.stringify([options.view, options.joinDistance, options.overlap, points.map((p) => [p.id, p.name, p.latitude, p.longitude, p.href, p.groups, p.weight])]);
	const known = recentMaps.get(key);
	if (known) return known;
	const view = options.view ?? 'world';
	const projected = projectPoints(points, view);
	const data: WorldMapData = { ...worldBasemap(view), points: clusterPoints(projected, options), pointCount: projected.length };
	recentMaps.set(key, data);
	if (recentMaps.size > recentMapsLimit) recentMaps.delete(recentMaps.keys().next().value as string);
	return data;
}

function sharedGroup(points: readonly MapPointInput[]): MapGroup | undefined {
	return points[0].groups?.find((group) => points.every((p) => p.groups?.some((g) => g.href === group.href)));
}

function pointWeight(point: MapPointInput): number {
	return point.weight != null && Number.isFinite(point.weight) && point.weight > 0 ? point.weight : 1;
}

function byWeightThenName(a: MapPointInput, b: MapPointInput): number {
	return pointWeight(b) - pointWeight(a) || a.name.localeCompare(b.name) || String(a.id).localeCompare(String(b.id));
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/**
 * An SVG path string with one-decimal relative coordinates and no redundant separators or commands:
 * about half the bytes of d3's absolute output for the same drawing.
 */
function compactPath(projection: GeoProjection, object: GeoPermissibleObjects): string {
	let out = '';
	let last = ''; // the previous number, to know whether a separator is needed
	let x = 0;
	let y = 0;
	let startX = 0;
	let startY = 0;
	let inLine = false;
	const number = (tenths: number) => {
		const text = (tenths / 10).toString().replace(/^(-?)0\./, '$1.');
		const needsSeparator = last !== '' && !text.startsWith('-') && !(text.startsWith('.') && last.includes('.'));
		out += (needsSeparator ? ' ' : '') + text;
		last = text;
	};
	const command = (letter: string) => {
		out += letter;
		last = '';
	};
	const context = {
		beginPath() {},
		moveTo(px: number, py: number) {
			const X = Math.round(px * 10);
			const Y = Math.round(py * 10);
			command('M');
			number(X);
			number(Y);
			x = startX = X;
			y = startY = Y;
			inLine = false;
		},
		lineTo(px: number, py: number) {
			const X = Math.round(px * 10);
			const Y = Math.round(py * 10);
			if (X === x && Y === y) return;
			if (!inLine) command('l');
			number(X - x);
			number(Y - y);
			x = X;
			y = Y;
			inLine = true;
		},
		closePath() {
			command('z');
			x = startX;
			y = startY;
			inLine = false;
		},
		arc() {
			// Only drawn for GeoJSON points, which the basemap has none of.
		}
	};
	geoPath(projection, context)(object);
	return out;
}
