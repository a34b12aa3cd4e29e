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

/**
 * The whole world; a closer view of Europe, where most member cities are; or a view fitted to the
 * points (a network's cities), which falls back to the world when they are spread too wide.
 */
export type MapView = 'world' | 'europe' | 'fit';

/** A geographic frame to draw: its cache key and a projection fitted to the drawing's width. */
interface Frame {
	key: string;
	build(): { projection: GeoProjection; height: number };
}

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

const cachedBasemaps = new Map<string, Basemap>();

/** Western and central Europe with the Mediterranean rim: the closer view. */
const europeHeight = 640;

let atlas: { land: GeoPermissibleObjects; borders: GeoPermissibleObjects } | undefined;

function loadAtlas() {
	if (atlas) return atlas;
	const require = createRequire(import.meta.url);
	const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
	const kept: GeometryCollection = {
		type: 'GeometryCollection',
		geometries: topology.objects.countries.geometries.filter((g) => !excludedCountryIds.has(String(g.id)))
	};
	atlas = {
		land: merge(topology, kept.geometries as Parameters<typeof merge>[1]),
		borders: mesh(topology, kept, (a, b) => a !== b)
	};
	return atlas;
}

const worldFrame: Frame = {
	key: 'world',
	build() {
		const { land } = loadAtlas();
		const projection = geoEqualEarth().fitWidth(mapWidth - 2 * margin, land);
		const [tx, ty] = projection.translate();
		projection.translate([tx + margin, ty + margin]);
		const [, [, bottom]] = geoPath(projection).bounds(land);
		return { projection, height: Math.ceil(bottom + margin) };
	}
};

/** A conic equal-area view of a longitude/latitude box, clipped to the drawing. */
function boxFrame(key: string, west: number, south: number, east: number, north: number, fixedHeight?: number): Frame {
	return {
		key,
		build() {
			const box = {
				type: 'Feature' as const,
				properties: {},
				geometry: {
					type: 'Polygon' as const,
					coordinates: [
						[
							[west, south],
							[west, north],
							[east, north],
							[east, south],
							[west, south]
						]
					]
				}
			};
			const span = north - south;
			const projection = geoConicEqualArea()
				.parallels([south + span / 6, north - span / 6])
				.rotate([-(west + east) / 2, 0]);
			let height = fixedHeight;
			if (!height) {
				projection.fitWidth(mapWidth - 2 * margin, box);
				const [[, top], [, bottom]] = geoPath(projection).bounds(box);
				height = Math.round(Math.min(700, Math.max(320, bottom - top + 2 * margin)));
			}
			projection
				.fitExtent(
					[
						[margin, margin],
						[mapWidth - margin, height - margin]
					],
					box
				)
				.clipExtent([
					[0, 0],
					[mapWidth, height]
				]);
			return { projection, height };
		}
	};
}

const europeFrameView = boxFrame('europe', -11, 34, 32, 61, europeHeight);

/** The frame for a set of points: their box with some room around, or the world when too wide. */
function frameFor(view: MapView, points: readonly MapPointInput[]): Frame {
	if (view === 'europe') return europeFrameView;
	if (view === 'world') return worldFrame;
	const usable = points.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
	if (usable.length === 0) return worldFrame;
	const lons = usable.map((p) => p.longitude);
	const lats = usable.map((p) => p.latitude);
	let west = Math.min(...lons);
	let east = Math.max(...lons);
	let south = Math.min(...lats);
	let north = Math.max(...lats);
	const lonPad = Math.max(4, (east - west) * 0.15);
	const latPad = Math.max(3, (north - south) * 0.15);
	west -= lonPad;
	east += lonPad;
	south -= latPad;
	north += latPad;
	// The 1:110m coastline is coarse: never closer than a region of a few countries.
	const minLon = 26;
	const minLat = 16;
	if (east - west < minLon) [west, east] = [(west + east) / 2 - minLon / 2, (west + east) / 2 + minLon / 2];
	if (north - south < minLat) [south, north] = [(south + north) / 2 - minLat / 2, (south + north) / 2 + minLat / 2];
	south = Math.max(-80, south);
	north = Math.min(85, north);
	if (east - west > 110 || north - south > 75) return worldFrame;
	// Whole degrees, so that nearby point sets share one cached basemap.
	[west, south, east, north] = [Math.floor(west), Math.floor(south), Math.ceil(east), Math.ceil(north)];
	return boxFrame(`fit:${west},${south},${east},${north}`, west, south, east, north);
}

const maxCachedBasemaps = 32;

function loadBasemap(frame: Frame = worldFrame): Basemap {
	const known = cachedBasemaps.get(frame.key);
	if (known) return known;
	const { land, borders } = loadAtlas();
	const { projection, height } = frame.build();
	const basemap: Basemap = {
		width: mapWidth,
		height,
		viewBox: `0 0 ${mapWidth} ${height}`,
		landPath: compactPath(projection, land),
		bordersPath: compactPath(projection, borders),
		projection
	};
	if (cachedBasemaps.size >= maxCachedBasemaps) cachedBasemaps.delete(cachedBasemaps.keys().next().value as string);
	cachedBasemaps.set(frame.key, basemap);
	return basemap;
}

/** The projected land and borders, computed once per process. */
export function worldBasemap(view: MapView = 'world', points: readonly MapPointInput[] = []): WorldBasemap {
	const { width, height, viewBox, landPath, bordersPath } = loadBasemap(frameFor(view, points));
	return { width, height, viewBox, landPath, bordersPath };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Projects points to x/y in the basemap's viewBox (one decimal); points without usable coordinates are dropped. */
export function projectPoints<P extends MapPointInput>(points: readonly P[], view: MapView = 'world'): (P & { x: number; y: number })[] {
	const frame = frameFor(view, points);
	const { projection, width, height } = loadBasemap(frame);
	const projected: (P & { x: number; y: number })[] = [];
	for (const point of points) {
		const { latitude, longitude } = point;
		if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) continue;
		const xy = projection([longitude, latitude]);
		if (!xy) continue;
		// The closer view only shows what falls inside its frame.
		if (frame !== worldFrame && (xy[0] < 0 || xy[0] > width || xy[1] < 0 || xy[1] > height)) continue;
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

	return (
		clusters
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
			.sort((a, b) => a.x - b.x || a.y - b.y)
	);
}

const recentMaps = new Map<string, WorldMapData>();
const recentMapsLimit = 8;

/**
 * Everything the WorldMap component needs: basemap paths and the clustered markers. The same points
 * (the public map, asked for in four languages) give the same answer, so a few recent ones are kept.
 */
export function worldMapData(points: readonly MapPointInput[], options: ClusterOptions = {}): WorldMapData {
	const key = JSON.stringify([
		options.view,
		options.joinDistance,
		options.overlap,
		points.map((p) => [p.id, p.name, p.latitude, p.longitude, p.href, p.groups, p.weight])
	]);
	const known = recentMaps.get(key);
	if (known) return known;
	const view = options.view ?? 'world';
	const projected = projectPoints(points, view);
	const data: WorldMapData = { ...worldBasemap(view, points), points: clusterPoints(projected, options), pointCount: projected.length };
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
