#!/usr/bin/env node
// The CLI runs from the committed bundle, so a fresh clone works without a build step.
import '../dist/cli.js';
