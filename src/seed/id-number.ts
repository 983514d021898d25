/**
 * Resident ID numbers for demo workers, in the GB 11643-1999 layout so that validators written
 * for real numbers accept them: 6-digit region code, birth date, 3-digit sequence whose last digit
 * is odd for men and even for women, then the ISO 7064 MOD 11-2 check character.
 * Example: region 340822, born 1980-06-15, woman no. 1 → "34082219800615012" + check.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function demoIdNumber(region: string, birthDate: string, serial: number, gender: 'male' | 'female'): string {
  if (!/^\d{6}$/.test(region)) throw new Error(`region code must be 6 digits, got "${region}"`);
  const date = birthDate.replace(/-/g, '');
  if (!/^\d{8}$/.test(date)) throw new Error(`birth date must be YYYY-MM-DD, got "${birthDate}"`);
  const sexDigit = gender === 'male' ? 1 : 2;
  const sequence = `${String(serial % 100).padStart(2, '0')}${sexDigit}`;
  const first17 = `${region}${date}${sequence}`;
  return first17 + idCheckCharacter(first17);
}
