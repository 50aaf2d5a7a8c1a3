/**
 * A tiny static server over dist/ for tests that need to change what the server sends mid-test
 * (e.g. a new sw.js to provoke a service-worker update, which page.route cannot intercept because
 * the browser fetches worker scripts itself). Unknown paths get index.html, like the preview server.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const DIST = resolve(import.meta.dirname, '../../../dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface DistServer {
  readonly origin: string;
  /** Change a served file's text from now on (path as requested, e.g. '/sw.js'). */
  rewrite(path: string, edit: (text: string) => string): void;
  close(): Promise<void>;
}

export async function serveDist(): Promise<DistServer> {
  const edits = new Map<string, (text: string) => string>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
      let file = join(DIST, safe);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        file = join(DIST, 'index.html');
        body = await readFile(file);
      }
      const edit = edits.get(path);
      const out = edit ? Buffer.from(edit(body.toString('utf8'))) : body;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(out);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    rewrite: (path, edit) => edits.set(path, edit),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
