// The vitest config includes tests/unit/** only; this file brings in the tests under tests/interop/:
// the vpcd bridge protocol (always runs) and the OpenSC interoperability test, which skips with its
// reason when pcscd/vpcd/OpenSC are missing (and fails under CI=true).
import '../interop/vpcd-protocol.test';
import '../interop/opensc.test';
import '../interop/sign-agreement.test';
