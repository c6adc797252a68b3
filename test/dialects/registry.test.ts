import { describe, expect, it } from 'vitest';
import { DIALECT_IDS, dialectFor, registeredDialectIds } from '../../src/dialects/index.js';
import { DIALECT_IDS as IDS_ALONE } from '../../src/dialects/ids.js';

describe('dialect registry', () => {
  it('holds exactly the ids the command line offers without loading it (src/dialects/ids.ts)', () => {
    expect(registeredDialectIds()).toEqual([...IDS_ALONE]);
    expect(DIALECT_IDS).toBe(IDS_ALONE);
    for (const id of IDS_ALONE) expect(dialectFor(id).id).toBe(id);
  });
});
