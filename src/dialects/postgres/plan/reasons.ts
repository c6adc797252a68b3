/** The one-line reasons steps give for their phase (shown with each phase of a plan). */
export const REASONS = {
  same: 'statements that are already safe, unchanged',
  addColumn: 'add the column without a table rewrite (no volatile default, no NOT NULL yet)',
  checkNotValid: 'CHECK (… IS NOT NULL) NOT VALID guards new rows without a scan',
  backfill: 'fill existing rows in batches of {n}, each committed on its own (no transaction; safe to run again)',
  validate: 'validate constraints while reads and writes go on (SHARE UPDATE EXCLUSIVE)',
  setNotNull: 'SET NOT NULL without a table scan: the validated CHECK proves it (PostgreSQL 12+); then drop the CHECK',
  index: 'build the index CONCURRENTLY: writes go on; it runs outside a transaction, one index per phase',
  dropIndex: 'drop the index CONCURRENTLY: reads and writes go on; it runs outside a transaction, one index per phase',
  notValid: 'add the constraint NOT VALID: checks new rows only, no scan under lock',
  attach: 'turn the concurrently built unique index into the constraint (instant)',
};
