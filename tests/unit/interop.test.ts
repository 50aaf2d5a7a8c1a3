// The vitest config includes tests/unit/** only; this file brings in the OpenSC interoperability test
// (tests/interop/opensc.test.ts), which skips with its reason when pcscd/vpcd/OpenSC are missing
// (and fails under CI=true).
import '../interop/opensc.test';
