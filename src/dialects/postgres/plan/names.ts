/**
 * Object names the way PostgreSQL chooses them (src/backend/commands/indexcmds.c
 * `makeObjectName`, `ChooseRelationName`; pg_constraint.c `ChooseConstraintName`),
 * so that a plan that names a constraint explicitly ends with the name the
 * original statement would have produced.
 */

const NAMEDATALEN = 64;

function clip(s: string, bytes: number): string {
  let out = '';
  let n = 0;
  for (const ch of s) {
    const b = Buffer.byteLength(ch);
    if (n + b > bytes) break;
    out += ch;
    n += b;
  }
  return out;
}

/** `makeObjectName(name1, name2, label)`: `name1_name2_label`, truncating name1/name2 to fit 63 bytes. */
export function makeObjectName(name1: string, name2: string | undefined, label: string | undefined): string {
  const overhead = (label ? Buffer.byteLength(label) + 1 : 0) + (name2 ? 1 : 0);
  const avail = NAMEDATALEN - 1 - overhead;
  let n1 = Buffer.byteLength(name1);
  let n2 = name2 ? Buffer.byteLength(name2) : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let out = clip(name1, n1);
  if (name2) out += `_${clip(name2, n2)}`;
  if (label) out += `_${label}`;
  return out;
}

/** `ChooseRelationName` / `ChooseConstraintName`: appends 1, 2, … to the label until the name is free. */
export function chooseName(
  name1: string,
  name2: string | undefined,
  label: string,
  taken: (name: string) => boolean,
): string {
  let name = makeObjectName(name1, name2, label);
  for (let pass = 1; taken(name); pass++) name = makeObjectName(name1, name2, `${label}${pass}`);
  return name;
}

/** A free name for a helper object of the plan (`<base>_<suffix>`), kept within 63 bytes. */
export function helperName(base: string, suffix: string, taken: (name: string) => boolean): string {
  let name = makeObjectName(base, undefined, suffix);
  for (let pass = 1; taken(name); pass++) name = makeObjectName(base, undefined, `${suffix}${pass}`);
  return name;
}
