/**
 * Mainland resident ID numbers (GB 11643-1999): 6-digit region code, birth date YYYYMMDD,
 * 3-digit sequence (odd last digit for men, even for women), then the ISO 7064 MOD 11-2 check
 * character (0-9 or X). The one implementation: worker writes, the seed and masking all use it.
 * Pure: the current date is passed in.
 * Example: 11010519491231002 → weighted sum 167, 167 mod 11 = 2 → check "X".
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Resident IDs were first issued in 1984 to people alive then; earlier birth years are real.
const EARLIEST_BIRTH = '18900101';

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

export type IdNumberCheck =
  | { valid: true; idNumber: string; birthDate: string; gender: 'male' | 'female'; region: string }
  | { valid: false; problem: IdNumberProblem; message: string };

const PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号须为 18 位：17 位数字加 1 位校验码（数字或 X）',
  birth_date: '身份证号中的出生日期无效',
  checksum: '身份证号校验码不正确',
};

export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function isCalendarDate(yyyymmdd: string): boolean {
  const [y, m, d] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks shape, birth date (a real day, not after `today`, given as YYYY-MM-DD in business
 * time) and check character. A lower-case x is accepted and returned upper-cased.
 */
export function checkIdNumber(value: string, today: string): IdNumberCheck {
  const fail = (problem: IdNumberProblem): IdNumberCheck => ({ valid: false, problem, message: PROBLEM_MESSAGES[problem] });
  const idNumber = value.trim().toUpperCase();
  // Region codes start with 1-9 (province digit); 0 never occurs.
  if (!/^[1-9]\d{16}[\dX]$/.test(idNumber)) return fail('format');
  const birth = idNumber.slice(6, 14);
  if (!isCalendarDate(birth) || birth < EARLIEST_BIRTH || birth > today.replace(/-/g, '')) return fail('birth_date');
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return fail('checksum');
  return {
    valid: true,
    idNumber,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
    region: idNumber.slice(0, 6),
  };
}

/** A syntactically valid number for demo data: region, birth date YYYY-MM-DD, serial, gender. */
export function makeIdNumber(region: string, birthDate: string, serial: number, gender: 'male' | 'female'): string {
  if (!/^\d{6}$/.test(region)) throw new Error(`region code must be 6 digits, got "${region}"`);
  const date = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(date)) throw new Error(`birth date must be YYYY-MM-DD, got "${birthDate}"`);
  const sexDigit = gender === 'male' ? 1 : 2;
  const first17 = `${region}${date}${String(serial % 100).padStart(2, '0')}${sexDigit}`;
  return first17 + idCheckCharacter(first17);
}
