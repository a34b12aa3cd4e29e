// Production entry: `npm start` after `npm run build`. Pending migrations run when the server starts.
import fs from 'node:fs';
import path from 'node:path';

const buildEntry = path.join(import.meta.dirname, '..', 'build', 'index.js');
if (!fs.existsSync(buildEntry)) {
	console.error('No build found. Run `npm run build` first.');
	process.exit(1);
}
process.env.PORT ??= '3000';
// Uploads (later modules) need more than adapter-node's 512 kB default; the API itself caps at 1 MiB.
process.env.BODY_SIZE_LIMIT ??= '20M';
await import(buildEntry);
