// A throw-away CA made by openssl for tests that need a certificate or CRL the fixtures do not have
// (odd extensions, CRL extensions, serials): one EC P-256 key signs a self-signed CA and its leaves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslCa {
  /** The CA certificate (DER). */
  readonly ca: Uint8Array;
  /**
   * A certificate `/C=JP/CN=<name>` with the extension lines given (openssl x509v3_config syntax), issued
   * by the CA or by an earlier certificate of this set named `issuer` (all share the one key).
   */
  leaf(name: string, extLines: string, serial?: string, issuer?: string): Uint8Array;
  /** A CRL signed by the CA (`openssl ca -gencrl`), with CRL extension lines and revoked leaf names. */
  crl(extLines: string, revoke?: readonly string[]): Uint8Array;
}

export function makeOpensslCa(caExtLines = 'basicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign'): OpensslCa {
  const dir = mkdtempSync(join(tmpdir(), 'pki-ca-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const cnf = (name: string, body: string) => { writeFileSync(join(dir, name), `[req]\ndistinguished_name = dn\n[dn]\n${body}\n`); return name; };
  run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key']);
  run(['req', '-new', '-x509', '-key', 'ca.key', '-config', cnf('ca.cnf', `[ext]\n${caExtLines}`), '-subj', '/C=JP/O=Lens Test/CN=CA',
    '-days', '3650', '-set_serial', '1', '-extensions', 'ext', '-out', 'ca.pem']);
  writeFileSync(join(dir, 'index.txt'), '');
  return {
    ca: new Uint8Array(run(['x509', '-in', 'ca.pem', '-outform', 'DER'])),
    leaf(name, extLines, serial = '0x1234', issuer = 'ca') {
      run(['req', '-new', '-key', 'ca.key', '-config', cnf('leaf.cnf', ''), '-subj', `/C=JP/CN=${name}`, '-out', `${name}.csr`]);
      run(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', 'ca.key', '-set_serial', serial, '-days', '365',
        '-extfile', cnf(`${name}.ext`, `[ext]\n${extLines}`), '-extensions', 'ext', '-out', `${name}.pem`]);
      return new Uint8Array(run(['x509', '-in', `${name}.pem`, '-outform', 'DER']));
    },
    crl(extLines, revoke = []) {
      const conf = cnf('crl.cnf', `[ca]\ndefault_ca = d\n[d]\ndatabase = index.txt\ndefault_md = sha256\ndefault_crl_days = 30\n`
        + `crl_extensions = crlext\n[crlext]\n${extLines}`);
      for (const name of revoke) run(['ca', '-config', conf, '-keyfile', 'ca.key', '-cert', 'ca.pem', '-revoke', `${name}.pem`]);
      run(['ca', '-gencrl', '-config', conf, '-keyfile', 'ca.key', '-cert', 'ca.pem', '-out', 'ca.crl']);
      return new Uint8Array(run(['crl', '-in', 'ca.crl', '-outform', 'DER']));
    },
  };
}

export function readBack(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
