// A static server for the release build that compresses as static hosts do: brotli when
// the browser accepts it, else gzip, with long caching for the hashed files. Used by
// scripts/lighthouse.sh; prints its address, then serves until stopped.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2];
const port = Number(process.argv[3] || 0);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);
const cache = new Map();

/** Every file compressed once, at the highest settings, as a host precompresses. */
function compressed(file, body, encoding) {
  const key = `${file}:${encoding}`;
  if (!cache.has(key)) {
    cache.set(key, encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return cache.get(key);
}

const server = createServer(async (req, res) => {
  try {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) throw new Error('outside');
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    const ext = extname(file);
    const headers = {
      'content-type': TYPES[ext] || 'application/octet-stream',
      // Hashed names never change; the page and the service worker are checked each time.
      'cache-control': /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
    };
    const accepts = req.headers['accept-encoding'] || '';
    if (COMPRESSIBLE.has(ext)) {
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        body = compressed(file, body, encoding);
        headers['content-encoding'] = encoding;
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end('not found');
  }
});
server.listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/`));
