import {
  maskIdNumber,
  maskPersonName,
  maskPhone,
  surnameOf,
  workerDisplayName,
} from '../../../src/api/people/domain/privacy';

describe('workerDisplayName', () => {
  it.each([
    ['王秀英', 'female', '王阿姨'],
    ['李建国', 'male', '李师傅'],
    ['欧阳娜娜', 'female', '欧阳阿姨'],
    ['司马光', 'male', '司马师傅'],
    ['欧阳', 'female', '欧阿姨'],
  ] as const)('%s (%s) → %s', (name, gender, expected) => {
    expect(workerDisplayName(name, gender)).toBe(expected);
  });

  it('never returns an empty name', () => {
    expect(workerDisplayName('', 'male')).toBe('师傅');
  });
});

describe('masking', () => {
  it('masks mobile numbers in the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('*********5678');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps the first 3 and last 4 of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
  });

  it('keeps only the surname of a person', () => {
    expect(maskPersonName('张三丰')).toBe('张**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳**');
    expect(surnameOf(' 王 ')).toBe('王');
  });
});
