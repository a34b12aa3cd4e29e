// Production entry: `npm start` after `npm run build`. Pending migrations run when the server starts.
//
// adapter-node 6 takes the request origin from `paths.origin` fixed at build time, or else assumes
// https, so that form posts over plain http would fail its CSRF check. One build must serve a
// laptop on http://localhost:3000, the test suite on a random port and production behind a TLS
// proxy, so the origin is decided here at run time instead: from PUBLIC_URL when it is set (behind a
// proxy), otherwise plain http with the request's Host. The headers carrying it are set by this
// process on every request, overwriting anything a client sent.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const buildDir = path.join(import.meta.dirname, '..', 'build');
if (!fs.existsSync(path.join(buildDir, 'handler.js'))) {
	console.error('No build found. Run `npm run build` first.');
	process.exit(1);
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const publicUrl = process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL) : null;
const protocolHeader = 'x-educating-cities-protocol';
const hostHeader = 'x-educating-cities-host';

// Read by adapter-node when its handler module loads.
process.env.PROTOCOL_HEADER = protocolHeader;
if (publicUrl) process.env.HOST_HEADER = hostHeader;
// Uploads (later modules) need more than adapter-node's 512 kB default; the API itself caps at 1 MiB.
process.env.BODY_SIZE_LIMIT ??= '20M';

const { handler } = (await import(path.join(buildDir, 'handler.js'))) as {
	handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
};

const protocol = publicUrl ? publicUrl.protocol.replace(':', '') : 'http';
const server = http.createServer((req, res) => {
	req.headers[protocolHeader] = protocol;
	if (publicUrl) req.headers[hostHeader] = publicUrl.host;
	handler(req, res);
});
server.keepAliveTimeout = 65_000;

server.listen(port, host, () => {
	console.log(
		`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${publicUrl ? ` (public URL ${publicUrl.origin})` : ''}`
	);
});

let stopping = false;
function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal} received, closing`);
	server.close(() => process.exit(0));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
