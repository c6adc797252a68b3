/**
 * Per-rule options (config `rules.<id>.options`), checked against the schema each rule
 * declares in `meta.options` (a JSON schema; write `additionalProperties: false` so that a
 * misspelt option is an error). A rule that declares no schema takes no options, and config
 * that gives it some is an error: options used to be accepted and silently ignored.
 *
 * The config loader (src/config.ts) calls `validateRuleOptions` after its own schema check
 * and throws the first problem as a `ConfigError`; `configLocator` turns a problem's key path
 * into `file:line:col`, like the loader's other errors.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { LineIndex } from '../parse/source.js';
import type { Rule } from './api.js';

/** The part of the config this module reads (src/config.ts `Config`). */
export interface RuleOptionsConfig {
  rules?: Record<string, unknown>;
}

export interface RuleOptionsProblem {
  /** the rule id */
  rule: string;
  /** key path of the offending value from the config's root, e.g. `['rules', 'x', 'options', 'max']` */
  keyPath: string[];
  /** what is wrong, naming the key, e.g. `rule "x" takes no options` */
  message: string;
  /** `where: message`, where is `file:line:col` when a locator found the key, else the file name */
  text: string;
}

export interface ValidateRuleOptionsOptions {
  /** the config file's name as shown in messages (default `config`) */
  file?: string;
  /** `file:line:col` of a key path in the config file (see `configLocator`) */
  locate?: (keyPath: string[]) => string | undefined;
}

const validators = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined;

function validatorFor(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, verbose: true });
    v = ajv.compile(schema);
    validators.set(schema, v);
  }
  return v;
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const dotted = (path: string[]) => path.join('.');

/** The key path of an ajv error below `base`, and a sentence about it. */
function describe(err: ErrorObject, base: string[]): { keyPath: string[]; message: string } {
  const below = err.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const keyPath = [...base, ...below];
  if (err.keyword === 'additionalProperties') {
    const key = (err.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const list = allowed.length ? ` (it takes ${allowed.map((k) => `"${k}"`).join(', ')})` : '';
    return { keyPath: [...keyPath, key], message: `unknown option "${dotted([...keyPath, key])}"${list}` };
  }
  const got = 'data' in err ? ` (got ${shown(err.data)})` : '';
  if (err.keyword === 'enum') {
    const allowed = (err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return { keyPath, message: `"${dotted(keyPath)}" must be one of ${allowed}${got}` };
  }
  return { keyPath, message: `"${dotted(keyPath)}" ${err.message ?? 'is invalid'}${got}` };
}

/**
 * Checks the options the config gives each rule against the rule's `meta.options` schema.
 * Rules the config does not name, and settings without `options`, are not looked at; an id
 * that matches no rule in `rules` (e.g. `syntax-error`) takes no options. Returns the problems
 * in config order, the most specific first for each rule; empty when all is well.
 */
export function validateRuleOptions(
  rules: readonly Rule[],
  config: RuleOptionsConfig,
  opts: ValidateRuleOptionsOptions = {},
): RuleOptionsProblem[] {
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const problems: RuleOptionsProblem[] = [];
  const add = (rule: string, keyPath: string[], message: string) =>
    problems.push({ rule, keyPath, message, text: `${opts.locate?.(keyPath) ?? opts.file ?? 'config'}: ${message}` });
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!setting || typeof setting !== 'object' || !('options' in setting)) continue;
    const options = (setting as { options?: unknown }).options;
    const base = ['rules', id, 'options'];
    const schema = byId.get(id)?.meta.options;
    if (!schema) {
      add(id, base, `rule "${id}" takes no options: remove "${dotted(base)}"`);
      continue;
    }
    const validate = validatorFor(schema);
    if (validate(options)) continue;
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    // the deepest error says the most: `…options.max` before `…options`
    const first = [...(errors.length ? errors : (validate.errors ?? []))].sort(
      (a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length,
    )[0];
    const d = first ? describe(first, base) : { keyPath: base, message: `"${dotted(base)}" is invalid` };
    add(id, d.keyPath, d.message);
  }
  return problems;
}

/**
 * A locator for `validateRuleOptions`: `name:line:col` of the value at a key path in a JSON
 * or YAML config text (JSON read as YAML, which keeps positions), or undefined when the path
 * is not there (e.g. an unknown option: then its parent's position).
 */
export function configLocator(text: string, name: string): (keyPath: string[]) => string | undefined {
  let doc: ReturnType<typeof parseDocument> | undefined;
  let lines: LineIndex | undefined;
  return (keyPath) => {
    doc ??= parseDocument(text);
    for (let n = keyPath.length; n > 0; n--) {
      const node = doc.getIn(keyPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        lines ??= new LineIndex(text);
        const { line, column } = lines.position(node.range[0]);
        return `${name}:${line}:${column}`;
      }
    }
    return undefined;
  };
}
