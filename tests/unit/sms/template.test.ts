import { orderVarsByTemplate, placeholderNames, renderTemplate } from '../../../src/runtime/sms/template';

describe('renderTemplate', () => {
  it('should fill every known placeholder, repeated ones included', () => {
    expect(renderTemplate('您的验证码为{code}，{minutes}分钟内有效。{code}', { code: '012345', minutes: 5 })).toBe(
      '您的验证码为012345，5分钟内有效。012345',
    );
  });

  it('should leave unknown placeholders as written', () => {
    expect(renderTemplate('验证码{code}，订单{orderNo}', { code: '1' })).toBe('验证码1，订单{orderNo}');
  });

  it('should not treat inherited object keys as variables', () => {
    expect(renderTemplate('{constructor}{toString}', {})).toBe('{constructor}{toString}');
  });

  it('should leave text without placeholders unchanged', () => {
    expect(renderTemplate('欢迎使用上门', { code: '1' })).toBe('欢迎使用上门');
  });
});

describe('placeholder order', () => {
  it('should list names in order of first appearance', () => {
    expect(placeholderNames('{minutes}分钟内输入{code}，{minutes}')).toEqual(['minutes', 'code']);
  });

  it('should order vars as the template uses them, unused vars last', () => {
    expect(Object.values(orderVarsByTemplate('{minutes}分钟内输入{code}', { code: '123456', minutes: '5', extra: 'x' }))).toEqual([
      '5',
      '123456',
      'x',
    ]);
  });
});
