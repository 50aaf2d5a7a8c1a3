#!/usr/bin/env node
// `npx jpki-lens <command>` from a checkout (npm runs a project's own bin): the TypeScript CLI in
// src/cli/main.ts through tsx (a dev dependency, there after `npm ci`), in this process so that file
// descriptors such as `--pin-fd 3` reach it. Commands: src/cli/README.md.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
