/**
 * Masking for everything shown to someone who is not the owner or an authorised operator.
 * Pure: callers decide who is looking.
 */

// Two-character surnames are rare but real; without them 欧阳娜 would become 欧阿姨.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门',
]);

export function surnameOf(fullName: string): string {
  const name = fullName.trim();
  if (name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2))) return name.slice(0, 2);
  return name.slice(0, 1);
}

/** 王秀英 (female) → 王阿姨, 李建国 (male) → 李师傅: how Chinese customers address workers. */
export function workerDisplayName(realName: string, gender: 'male' | 'female'): string {
  const surname = surnameOf(realName);
  if (!surname) return gender === 'female' ? '阿姨' : '师傅';
  return `${surname}${gender === 'female' ? '阿姨' : '师傅'}`;
}

/** 13812345678 → 138****5678; anything that is not 11 digits keeps only its last 4. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 110101199003071234 → 110***********1234 */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  if (!idNumber) return null;
  if (idNumber.length <= 7) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

/** 张三丰 → 张** ; 欧阳娜娜 → 欧阳** */
export function maskPersonName(name: string | null | undefined): string | null {
  if (!name) return null;
  const surname = surnameOf(name);
  return `${surname}${'*'.repeat(Math.max(1, name.length - surname.length))}`;
}
