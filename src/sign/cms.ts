/**
 * Public entry point for CMS signatures (issue 14): `createDetachedSignature` makes a detached .p7s
 * with a signing function (the card's 署名用 key), `verifyDetachedSignature` verifies a detached or
 * attached SignedData made by anyone.
 */
export { createDetachedSignature, type CreateDetachedSignatureInput } from './cms-create';
export { verifyDetachedSignature, type VerifyOptions, type VerifyProblem, type VerifyResult } from './cms-verify';
