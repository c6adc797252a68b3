import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportingDescriptor } from 'sarif';
import { toSarif } from '../../src/report/sarif.js';
import { sampleResult } from './fixture.js';

describe('SARIF rule descriptors and opt-in rules', () => {
  let rules: ReportingDescriptor[] = [];
  beforeAll(async () => {
    rules = toSarif(await sampleResult()).runs[0]!.tool.driver.rules ?? [];
  });
  it('an opt-in rule is listed as disabled by default', () => {
    const trigger = rules.find((r) => r.id === 'ban-drop-trigger');
    expect(trigger?.defaultConfiguration).toEqual({ level: 'warning', enabled: false });
  });
  it('the other rules keep only their level', () => {
    const view = rules.find((r) => r.id === 'ban-drop-view');
    expect(view?.defaultConfiguration).toEqual({ level: 'error' });
  });
});
