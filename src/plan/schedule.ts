/**
 * Turns the steps of every statement (in file order) into ordered phases.
 *
 * Each step has a kind (expand, backfill, validate, index, contract). Phases are
 * laid out in rounds of expand → backfill → validate → index → contract; a step
 * goes to the earliest slot of its kind that comes after every earlier step it
 * depends on. Steps name what they touch: a table (`schema.table`, meaning the
 * whole table), a column (`schema.table#column`), or `*` (everything, for
 * statements the planner does not understand). Two steps depend on each other
 * when they touch the same column, or one touches the whole table. One
 * relaxation: a concurrent index build does not wait for a "nullability-only"
 * contract step (SET NOT NULL, dropping the helper CHECK), so the index phase
 * can come before the contract.
 *
 * Within a slot, steps keep file order. Consecutive transactional steps form one
 * phase; each non-transactional step (CREATE INDEX CONCURRENTLY, a batched
 * backfill) is a phase of its own, because it must be sent alone.
 */
import { PHASE_ORDER, type PhaseName, type PreflightQuery, type ToolCommand } from './types.js';

export interface Step {
  kind: PhaseName;
  /** one complete statement, ending with `;` */
  sql: string;
  transactional: boolean;
  /** what the step touches: `schema.table` (whole table), `schema.table#column`, or `*` (everything) */
  keys: string[];
  /** why this step exists; phases list the distinct reasons of their steps */
  reason: string;
  /** only changes nullability or drops a plan helper: index builds need not wait for it */
  weak?: boolean;
  /** an app deploy that must be live before this step; forces a new phase */
  deploy?: string;
  /** must start a new phase after the previous step of the same statement (no merging back) */
  barrier?: boolean;
  /** the step is a TODO that fails loudly until edited */
  todo?: boolean;
  /** statement-level timeout for transactional steps: `scan` steps (VALIDATE) get no statement_timeout */
  timeout?: 'default' | 'scan';
  /** online schema change tool commands for the step (its phase lists them) */
  commands?: ToolCommand[];
  /** read-only queries to run on production before the step (its phase lists them) */
  preflight?: PreflightQuery[];
  /**
   * the step as one plain statement (no re-run guard, no comment) that may stand in the migration in place
   * of the original, where the file runs it outside a transaction: set by rewrites whose steps are all
   * local edits (CONCURRENTLY, NOT VALID + VALIDATE). The planner's `StagedPlan.edits` collects them.
   */
  local?: string;
}

export interface ScheduledPhase {
  kind: PhaseName;
  transactional: boolean;
  steps: Step[];
  deploy?: string;
}

interface Placed {
  step: Step;
  group: number;
  order: number;
  round: number;
  rank: number;
}

const rankOf = (k: PhaseName) => PHASE_ORDER.indexOf(k);

function split(key: string): [string, string | undefined] {
  const i = key.indexOf('#');
  return i < 0 ? [key, undefined] : [key.slice(0, i), key.slice(i + 1)];
}

export function conflicts(a: Step, b: Step): boolean {
  if (a.keys.includes('*') || b.keys.includes('*')) return true;
  if (a.weak && b.kind === 'index') return false;
  for (const ka of a.keys) {
    const [ta, ca] = split(ka);
    for (const kb of b.keys) {
      const [tb, cb] = split(kb);
      if (ta === tb && (!ca || !cb || ca === cb)) return true;
    }
  }
  return false;
}

/** slot value for ordering */
const slot = (round: number, rank: number) => round * PHASE_ORDER.length + rank;

/**
 * `groups`: one list of steps per original statement, in file order; each list is
 * ordered (a rewrite's own steps run in the order given).
 */
export function schedule(groups: Step[][]): ScheduledPhase[] {
  const placed: Placed[] = [];
  let order = 0;
  groups.forEach((steps, g) => {
    let prev: Placed | undefined;
    for (const step of steps) {
      const rank = rankOf(step.kind);
      let min = slot(0, rank);
      // the first slot of this step's rank at (or, strict, after) the slot of p
      const need = (p: Placed, strict: boolean) => {
        let round = p.round;
        if (rank < p.rank || (strict && rank === p.rank)) round++;
        min = Math.max(min, slot(round, rank));
      };
      for (const p of placed) {
        if (p.group === g) continue;
        if (conflicts(p.step, step)) need(p, !!step.deploy);
      }
      if (prev) need(prev, !!step.barrier || !!step.deploy);
      const round = Math.floor(min / PHASE_ORDER.length);
      const p: Placed = { step, group: g, order: order++, round, rank };
      placed.push(p);
      prev = p;
    }
  });
  placed.sort((a, b) => slot(a.round, a.rank) - slot(b.round, b.rank) || a.order - b.order);
  const phases: ScheduledPhase[] = [];
  let current: ScheduledPhase | undefined;
  let currentSlot = -1;
  for (const p of placed) {
    const s = slot(p.round, p.rank);
    // a step that waits for a deploy joins only a phase that waits for one too (both deploys go first)
    const canJoin =
      current &&
      currentSlot === s &&
      current.transactional &&
      p.step.transactional &&
      (!p.step.deploy || !!current.deploy);
    if (canJoin) {
      current!.steps.push(p.step);
      if (p.step.deploy && !current!.deploy!.split('; ').includes(p.step.deploy))
        current!.deploy += `; ${p.step.deploy}`;
    } else {
      current = { kind: p.step.kind, transactional: p.step.transactional, steps: [p.step] };
      if (p.step.deploy) current.deploy = p.step.deploy;
      phases.push(current);
      currentSlot = s;
    }
  }
  return phases;
}
