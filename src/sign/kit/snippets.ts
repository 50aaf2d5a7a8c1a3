/**
 * Server configuration for TLS client authentication with the card's 利用者証明用 certificate,
 * filled with this card's values (../shared/reference/client-auth.md §1.3–1.6, sources there):
 *  - nginx: `ssl_client_certificate` (the bundle; its CA names go into the CertificateRequest, so the
 *    browser offers only JPKI certificates), `ssl_verify_client on`, `ssl_verify_depth 1` (root → end
 *    entity), TLS 1.2 only on this listener (the card cannot make TLS 1.3's RSA-PSS through any
 *    middleware, §2.4), and an allowlist `map` on `$ssl_client_fingerprint` (SHA-1 of the certificate,
 *    nginx ngx_http_ssl_module) — the CA bundle alone would admit every card holder in Japan;
 *  - Apache mod_ssl: `SSLCACertificateFile`, `SSLVerifyClient require`, `SSLVerifyDepth 1`,
 *    `SSLProtocol -all +TLSv1.2`, and `Require expr` on serial + CN (serials are per CA and the three
 *    generations share one DN, so the serial alone is not unique);
 *  - Synology DSM: the nginx block with DSM's own paths, for the SSH route (the DSM UI has no
 *    client-certificate option).
 * Comment lines are in the UI language; directives are what the servers read.
 */
import { t } from '../../i18n';
import type { AllowlistEntry } from './acceptance';
import { BUNDLE_FILE_NAME } from './bundle';

// The comment texts live in the lazily registered sign catalog; whoever loads this module gets them.

export interface SnippetOptions {
  readonly entries: readonly AllowlistEntry[];
  readonly serverName?: string;
  readonly port?: number;
}

const c = (key: string, params?: Readonly<Record<string, string | number>>) => `# ${t(key, params)}`;

function nginxMap(entries: readonly AllowlistEntry[]): string[] {
  const lines = [c('sign.kit.snippet.map'), 'map $ssl_client_fingerprint $jpki_allowed {', '    default 0;'];
  if (entries.length === 0) lines.push(`    ${t('sign.kit.snippet.no-entry')}`);
  for (const e of entries) lines.push(`    ${e.sha1} 1;  # CN=${e.subjectCn}, serial ${e.serialHex}, ${t('sign.kit.snippet.until', { date: e.notAfter.slice(0, 10) })}`);
  lines.push('}');
  return lines;
}

function nginxServer(o: SnippetOptions, paths: { cert: string; key: string; bundle: string; upstream: string }): string[] {
  return [
    'server {',
    `    listen ${o.port ?? 8443} ssl;  ${c('sign.kit.snippet.own-port')}`,
    `    server_name ${o.serverName ?? 'nas.example.jp'};`,
    `    ssl_certificate     ${paths.cert};`,
    `    ssl_certificate_key ${paths.key};`,
    `    ssl_protocols TLSv1.2;  ${c('sign.kit.snippet.tls12')}`,
    `    ssl_client_certificate ${paths.bundle};`,
    '    ssl_verify_client on;',
    `    ssl_verify_depth 1;  ${c('sign.kit.snippet.depth')}`,
    `    if ($jpki_allowed = 0) { return 403; }  ${c('sign.kit.snippet.allowlist')}`,
    '    location / {',
    `        proxy_pass ${paths.upstream};`,
    '        proxy_set_header X-Client-Cert-Fingerprint $ssl_client_fingerprint;',
    '    }',
    '}',
  ];
}

export function nginxSnippet(o: SnippetOptions): string {
  return [
    c('sign.kit.snippet.header'),
    c('sign.kit.snippet.http-level'),
    ...nginxMap(o.entries),
    '',
    ...nginxServer(o, { cert: '/etc/nginx/tls/fullchain.pem', key: '/etc/nginx/tls/privkey.pem', bundle: `/etc/nginx/tls/${BUNDLE_FILE_NAME}`, upstream: 'http://127.0.0.1:5000' }),
    '',
  ].join('\n');
}

export function apacheSnippet(o: SnippetOptions): string {
  const rules = o.entries.map((e) => `        Require expr "%{SSL_CLIENT_M_SERIAL} == '${e.serialHex}' && %{SSL_CLIENT_S_DN_CN} == '${e.subjectCn}'"`);
  return [
    c('sign.kit.snippet.header'),
    `<VirtualHost *:${o.port ?? 8443}>`,
    `    ServerName ${o.serverName ?? 'nas.example.jp'}`,
    '    SSLEngine on',
    `    SSLProtocol -all +TLSv1.2  ${c('sign.kit.snippet.tls12')}`,
    '    SSLCertificateFile    /etc/apache2/tls/fullchain.pem',
    '    SSLCertificateKeyFile /etc/apache2/tls/privkey.pem',
    `    SSLCACertificateFile  /etc/apache2/tls/${BUNDLE_FILE_NAME}`,
    `    SSLVerifyClient require  ${c('sign.kit.snippet.vhost-level')}`,
    `    SSLVerifyDepth 1  ${c('sign.kit.snippet.depth')}`,
    '    <Location "/">',
    `        ${c('sign.kit.snippet.allowlist-apache')}`,
    '        <RequireAny>',
    ...(rules.length ? rules : [`        ${t('sign.kit.snippet.no-entry')}`]),
    '        </RequireAny>',
    '    </Location>',
    '</VirtualHost>',
    '',
  ].join('\n');
}

export function synologySnippet(o: SnippetOptions): string {
  return [
    c('sign.kit.snippet.header'),
    c('sign.kit.snippet.synology-where'),
    c('sign.kit.snippet.synology-cert'),
    c('sign.kit.snippet.synology-restart'),
    c('sign.kit.snippet.synology-updates'),
    '',
    ...nginxMap(o.entries),
    '',
    ...nginxServer(o, {
      cert: '/usr/syno/etc/certificate/system/default/fullchain.pem',
      key: '/usr/syno/etc/certificate/system/default/privkey.pem',
      bundle: `/usr/local/etc/nginx/${BUNDLE_FILE_NAME}`,
      upstream: 'https://127.0.0.1:5001',
    }),
    '',
  ].join('\n');
}

/** The command that checks the same thing as the kit's local check. */
export const OPENSSL_CHECK = `openssl verify -CAfile ${BUNDLE_FILE_NAME} -purpose sslclient auth.pem`;
