#!/usr/bin/env node
// `npx moat` entry: the CLI is one bundle built by `npm run build`.
require('../dist/cli.cjs');
