import type { Migration } from 'kysely/migration';
import * as core from './20261124000000_core_platform.ts';
import * as membersNetworks from './20261124000100_members_networks.ts';
import * as cityOrderIndex from './20261124000200_members_city_order_index.ts';
import * as experiences from './20261124000300_experiences.ts';
import * as award from './20261124000400_award.ts';

// Listed explicitly so the same list works in the Vite-built server and in plain Node scripts.
// Append new migrations; never edit or reorder the ones already here.
export const migrations: Record<string, Migration> = {
	'20261124000000_core_platform': core,
	'20261124000100_members_networks': membersNetworks,
	'20261124000200_members_city_order_index': cityOrderIndex,
	'20261124000300_experiences': experiences,
	'20261124000400_award': award
};
