import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);

// src/dialects/postgres/pg-driver.ts
var driver;
async function pgClient(config) {
  driver ??= (await import("./esm-JG2T6CDW.js")).default;
  return new driver.Client(config);
}

export {
  pgClient
};
