import { describe, expect, it } from 'vitest';
import { translatePlanMessage } from './planMessages.ts';

describe('plan errors in Chinese', () => {
  it.each([
    ['must be greater than 0', '必须大于 0'],
    ['must be at least the floor (0.6)', '不能低于起评线（0.6）'],
    ["must be greater than the previous tier's upto (1000000)", '必须大于上一档的上限（1000000）'],
    ['must be greater than the previous threshold (0.8): bands ascend', '必须大于上一个阈值（0.8）'],
    ['unknown metric: revenu', '未知指标：revenu'],
  ])('%s', (en, zh) => {
    expect(translatePlanMessage(en, 'zh-CN')).toBe(zh);
    expect(translatePlanMessage(en, 'en')).toBe(en);
  });

  it('leaves a sentence it does not know as sent', () => {
    expect(translatePlanMessage('YAML: bad indentation (line 3, column 2)', 'zh-CN')).toBe(
      'YAML: bad indentation (line 3, column 2)',
    );
  });
});
