/**
 * Where the kit's statements come from (research notes: ../shared/reference/client-auth.md, with the
 * commits read). Titles are the sources' own names, so they are not translated; the kit text refers
 * to them by number.
 */
export interface KitSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export const KIT_SOURCES: readonly KitSource[] = [
  { id: 'nginx', title: 'nginx: ngx_http_ssl_module (ssl_client_certificate, ssl_verify_client, ssl_verify_depth, $ssl_client_fingerprint)', url: 'https://nginx.org/en/docs/http/ngx_http_ssl_module.html' },
  { id: 'apache', title: 'Apache HTTP Server: mod_ssl (SSLCACertificateFile, SSLVerifyClient, SSLVerifyDepth, SSL_CLIENT_M_SERIAL)', url: 'https://httpd.apache.org/docs/2.4/mod/mod_ssl.html' },
  { id: 'open-eid', title: 'Open Electronic Identity (RIA, Estonia): nginx with ID-card client certificates (also /apache)', url: 'https://open-eid.github.io/nginx/' },
  { id: 'synoforum', title: 'SynoForum: "Synology Reverse Proxy under the hood" (DSM 6 Application Portal, DSM 7 Login Portal)', url: 'https://www.synoforum.com/resources/synology-reverse-proxy-under-the-hood.135/' },
  { id: 'majorshark', title: 'majorshark.de: Reverse Proxy mit Authentifizierung auf einer Synology mit DSM 6 (/usr/local/etc/nginx/sites-enabled)', url: 'http://majorshark.de/index.php/18-konfiguration-des-reverse-proxy-mit-authentifizierung-und-ssl-zertifikat-auf-einer-synology-mit-dsm-6' },
  { id: 'krzysztof', title: 'KrzysztofPrzygoda/docs: synology/nginx/nginx-guide.md (DSM 7.1, nginx.mustache)', url: 'https://github.com/KrzysztofPrzygoda/docs' },
  { id: 'opensc-jpki', title: 'OpenSC: src/libopensc/card-jpki.c (PKCS#1 v1.5 only, 80 2A 00 80) and framework-pkcs15.c (PSS only over raw RSA)', url: 'https://github.com/OpenSC/OpenSC' },
  { id: 'opensc-1936', title: 'OpenSC issue #1936: "works with TLS 1.2, fails with TLS 1.3" (card without PSS)', url: 'https://github.com/OpenSC/OpenSC/issues/1936' },
  { id: 'libp11-628', title: 'OpenSC/libp11 issue #628: PSS padding on a card without PSS breaks TLS 1.3', url: 'https://github.com/OpenSC/libp11/issues/628' },
  { id: 'pkcs11-provider-200', title: 'pkcs11-provider PR #200: no RSA-PSS when the token has neither PSS nor raw RSA', url: 'https://github.com/openssl-projects/pkcs11-provider/pull/200' },
  { id: 'chromium', title: 'Chromium net/ssl/ssl_platform_key_win.cc, ssl_platform_key_mac.cc (which signature algorithms a platform key offers)', url: 'https://source.chromium.org/chromium/chromium/src/+/main:net/ssl/' },
  { id: 'rfc8446', title: 'RFC 8446 §4.4.3: TLS 1.3 CertificateVerify uses RSASSA-PSS for RSA keys', url: 'https://www.rfc-editor.org/rfc/rfc8446#section-4.4.3' },
  { id: 'myna-card', title: 'soltia48/myna-card: src/ap/jpki.rs (P1=04/05 give RSASSA-PSS on the card)', url: 'https://github.com/soltia48/myna-card' },
  { id: 'myna-book', title: 'hamano/myna-book (OpenSC on macOS: TLS client authentication with the auth certificate)', url: 'https://github.com/hamano/myna-book' },
  { id: 'jlis-revocation', title: 'J-LIS: 失効情報等の提供に関する各種手続きについて (revocation data only for registered verifiers)', url: 'https://www.j-lis.go.jp/jpki/procedure/procedure1_2.html' },
  { id: 'jlis-ca', title: 'J-LIS: the CA self-signed certificates (authca01–03.cer; here authca03)', url: 'https://www.jpki.go.jp/ca/pdf/authca03.cer' },
  { id: 'web-eid', title: 'Web eID system architecture (why not TLS client auth: OS/browser APIs, PIN caching, logout)', url: 'https://github.com/web-eid/web-eid-system-architecture-doc' },
];
