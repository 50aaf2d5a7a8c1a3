// The vitest config includes tests/unit/** only; this file brings in the tests under tests/interop/:
// the vpcd bridge protocol (always runs) and the OpenSC interoperability test, which skips with its
// reason when pcscd/vpcd/OpenSC are missing (and fails under CI=true), and the CLI-over-PC/SC test.
import '../interop/vpcd-protocol.test';
import '../interop/opensc.test';
// The CLI's card commands through the PC/SC binding, pcscd and vpcd (same rules; after OpenSC, never beside it).
import '../interop/pcsc-cli.test';
import '../interop/sign-agreement.test';
