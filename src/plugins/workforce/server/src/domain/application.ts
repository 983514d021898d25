import { checkIdNumber } from '../../../../../runtime/id-number';

export interface ApplicationFacts {
  idNumber: string;
  gender: 'male' | 'female';
}

export type ApplicationProblem = { field: string; message: string };

/**
 * The rules an application's identity must pass before anything is written: a valid GB 11643
 * number whose sex digit agrees with the stated gender. `today` is YYYY-MM-DD in business time.
 * Returns the normalised number and birth year, or the first problem with its field.
 */
export function checkApplicantIdentity(facts: ApplicationFacts, today: string): { idNumber: string; birthYear: number } | ApplicationProblem {
  const id = checkIdNumber(facts.idNumber, today);
  if (!id.valid) return { field: 'idNumber', message: id.message };
  if (id.gender !== facts.gender) return { field: 'gender', message: '性别与身份证号不一致' };
  return { idNumber: id.idNumber, birthYear: Number(id.birthDate.slice(0, 4)) };
}

export const isProblem = (r: unknown): r is ApplicationProblem => typeof r === 'object' && r !== null && 'field' in r;
