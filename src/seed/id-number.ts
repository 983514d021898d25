/**
 * Resident ID numbers for demo workers, built by the one GB 11643 module (src/runtime/id-number.ts)
 * so the validators that guard real applications accept them.
 * Example: region 340822, born 1980-06-15, woman no. 1 → "34082219800615012" + check.
 */
export { idCheckCharacter, makeIdNumber as demoIdNumber } from '../runtime/id-number';
