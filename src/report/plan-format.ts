/** A plan result in one of `zerodown plan`'s formats (the CLI prints it; `zerodown lsp` opens it in the editor). */
import type { PlanResult } from '../plan/planner.js';
import { UsageError } from '../errors.js';
import { formatPlanJson } from './plan-json.js';
import { formatPlanMarkdown } from './plan-markdown.js';
import { formatPlanSql } from './plan-sql.js';
import { formatPlanText } from './plan-text.js';

export type PlanFormat = 'text' | 'sql' | 'markdown' | 'json';

export function formatPlans(result: PlanResult, format: PlanFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return formatPlanJson(result);
    case 'sql':
      return formatPlanSql(result.plans, result.unhandled);
    case 'markdown':
      return formatPlanMarkdown(result);
    case 'text':
      return formatPlanText(result, { color });
    default:
      throw new UsageError(`unknown format "${format as string}" (use text, sql, markdown or json)`);
  }
}
