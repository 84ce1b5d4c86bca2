// Static server of the preview on 127.0.0.1 only: the page, the bundle and data in build/preview, SLDS assets,
// and the package's static resources at /resource/<name> (what @salesforce/resourceUrl/<name> points to).
// `node tools/preview/server.mjs [--port 4173]` serves until Ctrl-C; e2e.mjs imports startServer().
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'package.json'));
const slds = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'));
const built = path.resolve(process.env.PREVIEW_OUT || path.join(repo, 'build', 'preview'));
const staticResources = path.join(repo, 'force-app', 'main', 'default', 'staticresources');

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff'
};

/** The file a URL path maps to, or null; never anything outside the served folders. */
function fileFor(urlPath) {
    const inside = (base, rel) => {
        const p = path.resolve(base, `.${rel}`);
        return p === base || p.startsWith(base + path.sep) ? p : null;
    };
    if (urlPath === '/' || urlPath === '/index.html') return path.join(here, 'public', 'index.html');
    if (urlPath === '/bundle.js') return path.join(built, 'bundle.js');
    if (urlPath.startsWith('/assets/')) return inside(slds, urlPath);
    if (urlPath.startsWith('/data/')) return inside(path.join(built, 'data'), urlPath.slice('/data'.length));
    const resource = urlPath.match(/^\/resource\/([A-Za-z0-9_]+)$/);
    if (resource) return path.join(staticResources, `${resource[1]}.js`);
    return null;
}

export function handle(req, res) {
    let urlPath;
    try {
        urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
        res.writeHead(400);
        return res.end();
    }
    if (urlPath === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
    }
    const file = fileFor(urlPath);
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end(`not found: ${urlPath}`);
    }
    res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store'
    });
    fs.createReadStream(file).pipe(res);
}

/** Listens on the port, or on a free one when it is taken (port 0 = any free port). */
export async function startServer(port = 4173) {
    if (!fs.existsSync(path.join(built, 'bundle.js'))) {
        throw new Error('build/preview/bundle.js is missing: run `bash scripts/preview.sh build` first');
    }
    const server = http.createServer(handle);
    await new Promise((resolve, reject) => {
        server.once('error', (e) => {
            if (e.code === 'EADDRINUSE' && port !== 0) {
                console.log(`preview: port ${port} is taken, using a free port`);
                server.listen(0, '127.0.0.1', resolve);
            } else reject(e);
        });
        server.listen(port, '127.0.0.1', resolve);
    });
    return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const i = process.argv.indexOf('--port');
    const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PREVIEW_PORT || 4173);
    const { server, url } = await startServer(port);
    console.log(`preview: MIAW Setup Assistant at ${url}`);
    console.log(`preview: demo orgs ${url}?org=needs-work | ${url}?org=ready | ${url}?org=large&tab=report`);
    console.log('preview: Ctrl-C to stop');
    const stop = () => server.close(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}
