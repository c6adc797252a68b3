import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/errors.ts
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};
var ConfigError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
};
var USER_ERRORS = /* @__PURE__ */ new Set(["UsageError", "ConfigError", "DiscoveryError", "InputError"]);
function isUserError(err) {
  return err instanceof Error && USER_ERRORS.has(err.name);
}
function exitCodeFor(result, failOn) {
  if (failOn === "never") return 0;
  if (result.summary.errors > 0) return 1;
  if (failOn === "warning" && result.summary.warnings > 0) return 1;
  return 0;
}

export {
  UsageError,
  ConfigError,
  isUserError,
  exitCodeFor
};
