/** The Action input allow-superuser-shadow: declared in action.yml, off unless set, and strictly boolean. */
import { readFileSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';

const KEY = 'INPUT_ALLOW-SUPERUSER-SHADOW';
const saved = process.env[KEY];
afterEach(() => {
  if (saved === undefined) delete process.env[KEY];
  else process.env[KEY] = saved;
});

it('is declared in action.yml with default false', () => {
  const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8');
  expect(yml).toMatch(
    /\n {2}allow-superuser-shadow:\n {4}description: '[^\n]*CREATEROLE[^\n]*'\n {4}required: false\n {4}default: 'false'\n/,
  );
});

it('is off unless set to true, and a value that is not a boolean is an input error', () => {
  delete process.env[KEY];
  expect(readInputs().allowSuperuserShadow).toBe(false);
  process.env[KEY] = 'true';
  expect(readInputs().allowSuperuserShadow).toBe(true);
  process.env[KEY] = 'maybe';
  expect(() => readInputs()).toThrow(/input "allow-superuser-shadow" must be true or false/);
});
