/**
 * The nginx snippets are accepted by nginx itself (`nginx -t`), with the paths pointed at real files:
 * a throw-away server certificate and the kit's CA bundle. Skips (with the reason) where nginx is not
 * installed; Debian: `apt-get install nginx-light`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientAuthBundle } from '../../../src/sign/kit/bundle';
import { wouldServerAccept } from '../../../src/sign/kit/acceptance';
import { nginxSnippet, synologySnippet } from '../../../src/sign/kit/snippets';
import { fixture, openssl, scratch } from './helpers';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

function splitSnippet(text: string): { map: string; server: string } {
  const at = text.indexOf('server {');
  return { map: text.slice(0, at), server: text.slice(at) };
}

describe('nginx accepts the generated configuration', () => {
  for (const [name, make] of [['nginx', nginxSnippet], ['synology', synologySnippet]] as const) {
    it(`${name} snippet: nginx -t`, async (ctx) => {
      if (!NGINX) ctx.skip('nginx is not installed (apt-get install nginx-light)');
      const s = scratch();
      const r = openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=nas.example.jp', '-days', '2',
        '-keyout', s.path('privkey.pem'), '-out', s.path('fullchain.pem')]);
      expect(r.code, r.out).toBe(0);
      s.write('bundle.pem', clientAuthBundle());
      const entry = (await wouldServerAccept(fixture('ordinary/auth.der'), { trustTestRoots: true })).entry;
      const text = make({ entries: [entry] })
        .replace(/\/\S+\/fullchain\.pem/g, s.path('fullchain.pem'))
        .replace(/\/\S+\/privkey\.pem/g, s.path('privkey.pem'))
        .replace(/\/\S+\/jpki-auth-ca-bundle\.pem/g, s.path('bundle.pem'));
      const { map, server } = splitSnippet(text);
      const conf = s.write('nginx.conf', `pid ${s.path('nginx.pid')};\nerror_log ${s.path('error.log')};\nevents {}\nhttp {\n  access_log off;\n${map}\n${server}\n}\n`);
      const t = spawnSync(NGINX!, ['-t', '-q', '-p', s.dir, '-c', conf], { encoding: 'utf8' });
      expect(`${t.stdout}${t.stderr}`).toBe('');
      expect(t.status).toBe(0);
    });
  }
});
