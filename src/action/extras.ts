/**
 * The seam between the Action and the later pipeline stages: the staged plan
 * (src/plan/) and the dry run on a shadow database (src/shadow/). Each stage
 * contributes already-safe Markdown to the report: a headline under the
 * findings and collapsible sections (plan phases with their verification, the
 * per-statement lock table). The composer (src/report/markdown.ts) orders them
 * and drops them to their short form when the PR comment would be too long.
 */
import type { Config } from '../config.js';
import type { LintResult, Migration } from '../model.js';
import type { ReportSection } from '../report/markdown.js';
import type { ActionInputs } from './inputs.js';

export interface ExtrasInput {
  result: LintResult;
  /** every migration in apply order (history has review=false) */
  migrations: Migration[];
  inputs: ActionInputs;
  config: Config;
  pgVersion?: number;
  log: (msg: string) => void;
}

export interface Extras {
  headline?: string;
  sections?: ReportSection[];
  notes?: string[];
}

export async function extraSections(_input: ExtrasInput): Promise<Extras> {
  return {};
}
