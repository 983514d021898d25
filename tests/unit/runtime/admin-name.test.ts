import { adminDisplayName } from '../../../src/runtime/admin-name';

describe('adminDisplayName', () => {
  it('should write 姓 before 名, then fall back to username, e-mail and 管理员', () => {
    expect(adminDisplayName({ firstname: '小红', lastname: '李' })).toBe('李小红');
    expect(adminDisplayName({ firstname: '测试' })).toBe('测试');
    expect(adminDisplayName({ username: 'kefu01', email: 'a@b.c' })).toBe('kefu01');
    expect(adminDisplayName({ email: 'a@b.c' })).toBe('a@b.c');
    expect(adminDisplayName({ firstname: null, lastname: '' })).toBe('管理员');
  });
});
