import { defineRule } from '../../src/dialects/mysql/rule.js';
import { alterOfExisting, list, onlineOf, opsOf, sameTable } from '../../src/dialects/mysql/rule-util.js';

export default defineRule({
  meta: {
    id: 'ban-drop-primary-key',
    severity: 'error',
    summary:
      'Dropping or replacing the primary key of an existing table: a full table rebuild (a copy that blocks writes when the key is only dropped), and replication and online schema change tools need a primary key.',
    kinds: ['AlterTable'],
  },
  check(stmt, ctx) {
    const alter = alterOfExisting(stmt, ctx);
    if (!alter) return;
    const { ast, key, t } = alter;
    if (!opsOf(ast, 'dropPrimaryKey').length) return;
    const added = opsOf(ast, 'addIndex').find((o) => o.index.kind === 'primary');
    const table = ctx.table(key);
    const old = table?.indexes.find((i) => i.kind === 'primary');
    const oldCols = old ? ` (${list(old.columns.map((c) => c.name))})` : '';
    // MySQL 8.0 reference manual, 15.12.1 "Online DDL Operations", Primary Key Operations: "Dropping a
    // primary key" is ALGORITHM=COPY only (no concurrent DML); "Dropping a primary key and adding
    // another" in the same ALTER is INPLACE with a full rebuild (concurrent DML allowed). MariaDB KB
    // "InnoDB Online DDL Operations with ALGORITHM=INPLACE": the same for 10.x.
    if (added) {
      const cols = list(added.index.columns.map((c) => c.name));
      return {
        message: `This ALTER replaces the primary key of \`${t}\`${oldCols} with one on ${cols}. InnoDB stores rows in primary key order, so the server rebuilds the whole table (ALGORITHM=INPLACE: writes continue, but it takes as long as a copy, needs the table's size again in free disk, and replicas then replay it as one long statement and lag), it fails half-way if ${cols} holds duplicates or NULLs, and every secondary index is rebuilt too.`,
        help: `Check for duplicates and NULLs in ${cols} first (SELECT … GROUP BY … HAVING COUNT(*) > 1); on a big table run the swap with gh-ost or pt-online-schema-change, keeping a unique key on the old columns if code relies on it.`,
        severity: 'warning',
        table: key,
        data: { change: 'replace', columns: added.index.columns.map((c) => c.name) },
      };
    }
    // an AUTO_INCREMENT column must stay the first column of some key: error 1075 (ER_WRONG_AUTO_KEY),
    // measured on MariaDB 10.11
    const auto = old?.columns.length
      ? table?.columns.find((c) => c.autoIncrement && c.name.toLowerCase() === old.columns[0]!.name.toLowerCase())
      : undefined;
    const refused =
      !!auto &&
      !table?.indexes.some(
        (i) => i.kind !== 'primary' && i.columns[0]?.name.toLowerCase() === auto.name.toLowerCase(),
      ) &&
      !opsOf(ast, 'addIndex').some((o) => o.index.columns[0]?.name.toLowerCase() === auto.name.toLowerCase());
    if (refused)
      return {
        message: `Dropping the primary key of \`${t}\`${oldCols} fails: \`${auto.name}\` is AUTO_INCREMENT, and an AUTO_INCREMENT column must stay the first column of a key (error 1075, "there can be only one auto column and it must be defined as a key"). The migration stops here, half applied if earlier statements ran.`,
        help: 'Drop and add the new primary key in the same ALTER TABLE (DROP PRIMARY KEY, ADD PRIMARY KEY (…)), keeping a key that starts with the AUTO_INCREMENT column.',
        table: key,
        data: { change: 'drop', refused: true },
      };
    const later = ctx.statements.slice(stmt.index + 1).find((s) => {
      const a = s.ast;
      if (a.type !== 'alter_table' || !sameTable(a.table, ast.table)) return false;
      return a.ops.some(
        (o) => (o.op === 'addIndex' && o.index.kind === 'primary') || (o.op === 'addColumn' && !!o.column.primaryKey),
      );
    });
    const readded = later
      ? ` Line ${later.span.line} adds a new primary key in a separate statement, so the table is copied twice and has no primary key in between.`
      : ' Afterwards the table has no primary key:';
    return {
      message: `Dropping the primary key of \`${t}\`${oldCols} without adding another in the same ALTER copies the whole table (ALGORITHM=COPY) and blocks writes for the whole copy.${readded}${later ? ' Without one,' : ''} row-based replicas must scan the table for every changed row (replica lag), gh-ost and pt-online-schema-change refuse to work on it (or need another unique key), and duplicates can creep in.`,
      help: 'Drop and add the new primary key in the same ALTER TABLE (DROP PRIMARY KEY, ADD PRIMARY KEY (…)), which the server does in place; or keep the key.',
      table: key,
      data: { change: 'drop' },
      online: onlineOf(ast, table, ctx.server),
    };
  },
});
