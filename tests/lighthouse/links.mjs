// The landing routes the benchmark and Lighthouse open, as fragments of the app's address:
// the home page, a new assessment, a deep link to an assessment, a board member's join link
// and answer link, and a share link. The links' payloads are the domain's own
// (examples/landing_links.rs), compressed as the browser compresses them (deflate-raw,
// then base64url).
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const pack = (json) => deflateRawSync(Buffer.from(json)).toString('base64url');

/** [{ name, hash, member }] for every landing route; `member` when the member's small app draws it. */
export function landingRoutes() {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'landing_links'], { cwd: ROOT, encoding: 'utf8' });
  const payloads = JSON.parse(out);
  return [
    { name: 'home', hash: '' },
    { name: 'new assessment', hash: '#/new' },
    { name: 'an assessment (deep link)', hash: '#/assessment/a-example' },
    { name: 'join link', hash: `#/join/${pack(payloads.join)}`, member: true },
    { name: 'answer link', hash: `#/answers/${pack(payloads.answers)}`, member: true },
    { name: 'share link', hash: `#/shared/${pack(payloads.shared)}` },
  ];
}
