import { createRequire as __zdCreateRequire } from 'node:module';
import { fileURLToPath as __zdFileURLToPath } from 'node:url';
import { dirname as __zdDirname } from 'node:path';
const require = __zdCreateRequire(import.meta.url);
const __filename = __zdFileURLToPath(import.meta.url);
const __dirname = __zdDirname(__filename);
import {
  probeKind
} from "./chunk-5THZYCGT.js";

// src/config.ts
import path from "node:path";
var CONFIG_FILES = ["zerodown.config.json", ".zerodown.yml", ".zerodown.yaml"];
async function loadConfig(dir, explicit) {
  const file = explicit ? path.resolve(dir, explicit) : CONFIG_FILES.map((f) => path.join(dir, f)).find((f) => probeKind(f) !== "none");
  if (!file) return { config: {} };
  const { readConfigFile } = await import("./config-file-5RYNGYAD.js");
  return { config: readConfigFile(dir, file), file };
}
function ruleSettings(config) {
  const rules = {};
  const ruleOptions = {};
  for (const [id, v] of Object.entries(config.rules ?? {})) {
    if (typeof v === "string") rules[id] = v;
    else {
      if (v.severity) rules[id] = v.severity;
      if (v.options) ruleOptions[id] = v.options;
    }
  }
  return { rules, ruleOptions };
}

export {
  CONFIG_FILES,
  loadConfig,
  ruleSettings
};
