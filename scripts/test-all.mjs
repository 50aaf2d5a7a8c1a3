#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, end-to-end tests — every stage runs even when an
// earlier one fails, so one run shows everything that is wrong. Ends with one line
// `N passed, N failed` that counts unit and e2e tests together (CI reads that line).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit', 'npx', ['vitest', 'run']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

rmSync('reports', { recursive: true, force: true });
const failedStages = [];
const t0 = Date.now();
for (const [name, cmd, args] of stages) {
  const started = Date.now();
  console.log(`\n::: ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) failedStages.push(name);
  console.log(`::: ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s)`);
}

function readJson(path) {
  try { return JSON.parse(readFileSync(path, 'utf8')); } catch { return undefined; }
}
let passed = 0;
let failed = 0;
let skipped = 0;
const unit = readJson('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  // A test file that fails to load or throws outside its tests has no failed test in it, yet it failed.
  failed += (unit.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else if (existsSync('tests/unit')) {
  failed += 1; // no report: count the missing suite as a failure, never as a pass
}
const e2e = readJson('reports/e2e.json');
if (e2e?.stats) {
  passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected ?? 0;
  failed += (e2e.errors ?? []).length; // errors outside any test (config, web server, a file that fails to load)
  skipped += e2e.stats.skipped ?? 0;
} else {
  failed += 1;
}
// Typecheck, lint and build are not tests, but a failure there must not look green.
failed += failedStages.filter((s) => s === 'typecheck' || s === 'lint' || s === 'build').length;

console.log(`\n::: stages failed: ${failedStages.length ? failedStages.join(', ') : 'none'}; total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStages.length ? 1 : 0);
