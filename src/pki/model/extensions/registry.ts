// Extension decoders keyed by OID (architecture rule 3): a new decoder is one `registerExtension` call.
// Modelled on the OID-keyed registries of PeculiarVentures x509 `extension_factory.ts` and
// pv-certificates-viewer `extension-parsers/registry.ts` (../shared/reference/peers.md §2.1).
import type { AsnBlock } from '../asn';
import type { Field } from '../types';

export interface DecodedExtension {
  readonly fields: readonly Field[];
  /**
   * The lines `openssl x509 -text` prints for this extension, relative to the extension's indentation
   * (16 spaces); undefined when openssl would print the raw value (ASN1_STRING_print).
   */
  readonly openssl?: readonly string[];
  readonly data?: unknown;
}

export interface ExtensionDecoder {
  readonly oid: string;
  /** `value` is the decoded content of extnValue. Throw a LensError to mark the extension as undecodable. */
  decode(value: AsnBlock): DecodedExtension;
}

const decoders = new Map<string, ExtensionDecoder>();

export function registerExtension(decoder: ExtensionDecoder): void {
  decoders.set(decoder.oid, decoder);
}

export function extensionDecoder(oid: string): ExtensionDecoder | undefined {
  return decoders.get(oid);
}

export function registeredExtensionOids(): string[] {
  return [...decoders.keys()];
}
