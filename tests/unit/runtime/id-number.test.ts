import fc from 'fast-check';
import { checkIdNumber, idCheckCharacter, makeIdNumber } from '../../../src/runtime/id-number';

const TODAY = '2026-12-03';

describe('idCheckCharacter (ISO 7064 MOD 11-2)', () => {
  it('computes the published example: 11010519491231002 → X', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckCharacter('1101051949123100')).toThrow();
  });
});

describe('checkIdNumber', () => {
  it('accepts a valid number, reads birth date and gender, upper-cases x', () => {
    expect(checkIdNumber('11010519491231002x', TODAY)).toEqual({
      valid: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      region: '110105',
    });
  });

  it('should fail a wrong check character as checksum', () => {
    expect(checkIdNumber('110105194912310021', TODAY)).toMatchObject({ valid: false, problem: 'checksum' });
  });

  it('should fail wrong length, letters, or a leading 0 as format', () => {
    for (const bad of ['1101051949123100', '1101051949123100211', '11010519491231002A', '01010519491231002X', '']) {
      expect(checkIdNumber(bad, TODAY)).toMatchObject({ valid: false, problem: 'format' });
    }
  });

  it('should fail impossible or future birth dates even with a matching check character', () => {
    for (const date of ['1990-02-30', '1990-13-01', '2027-01-01', '1850-01-01']) {
      const first17 = `110105${date.replace(/-/g, '')}001`;
      expect(checkIdNumber(first17 + idCheckCharacter(first17), TODAY)).toMatchObject({ valid: false, problem: 'birth_date' });
    }
    const leap = makeIdNumber('110105', '2000-02-29', 1, 'male');
    expect(checkIdNumber(leap, TODAY)).toMatchObject({ valid: true, birthDate: '2000-02-29', gender: 'male' });
  });

  it('accepts every number makeIdNumber builds and catches any single changed digit', () => {
    const day = fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 99 }), fc.constantFrom<'male' | 'female'>('male', 'female'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (birth, serial, gender, pos, delta) => {
        const id = makeIdNumber('340822', birth, serial, gender);
        expect(checkIdNumber(id, TODAY)).toMatchObject({ valid: true, birthDate: birth, gender });
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        // MOD 11-2 detects every single-digit substitution; the date check may catch it first.
        expect(checkIdNumber(changed, TODAY).valid).toBe(false);
      }),
    );
  });
});
