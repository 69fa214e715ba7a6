import { describe, expect, it } from 'vitest';
import { translateServerMessage } from './serverMessages.ts';

describe('translateServerMessage', () => {
  it.each([
    ['is required but empty', '必填，但为空'],
    ['this id is already on row 2', '与第 2 行重复'],
    ['column "备注" is not a column of products: ignored', '列“备注”无法识别，已忽略'],
    ['is not one of: visit, call', '不在可选值中：visit, call'],
    ['no people has this id, stored or in this file', '找不到这个编号（系统和本文件中都没有）'],
  ])('%s', (english, chinese) => {
    expect(translateServerMessage(english, 'zh-CN')).toBe(chinese);
  });

  it('leaves English alone, and unknown sentences as sent', () => {
    expect(translateServerMessage('is required but empty', 'en')).toBe('is required but empty');
    expect(translateServerMessage('something new', 'zh-CN')).toBe('something new');
  });
});
