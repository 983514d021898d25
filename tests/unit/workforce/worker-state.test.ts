import { checkApplicantIdentity } from '../../../src/plugins/workforce/server/src/domain/application';
import { applyWorkerAction, canSubmitApplication, type WorkerAction, type WorkerState } from '../../../src/plugins/workforce/server/src/domain/worker-state';
import { makeIdNumber } from '../../../src/runtime/id-number';

const STATES: WorkerState[] = (['pending', 'approved', 'rejected'] as const).flatMap((auditStatus) =>
  (['active', 'suspended', 'resigned'] as const).map((employment) => ({ auditStatus, employment })),
);
const key = (s: WorkerState) => `${s.auditStatus}/${s.employment}`;

describe('applyWorkerAction', () => {
  // Every (state, action) pair: the allowed ones and where they lead; everything else refused.
  const ALLOWED: Record<string, string> = {
    'approve pending/active': 'approved/active',
    'approve pending/suspended': 'approved/active',
    'approve pending/resigned': 'approved/active',
    'reject pending/active': 'rejected/active',
    'reject pending/suspended': 'rejected/suspended',
    'reject pending/resigned': 'rejected/resigned',
    'suspend approved/active': 'approved/suspended',
    'reinstate approved/suspended': 'approved/active',
  };

  it.each((['approve', 'reject', 'suspend', 'reinstate'] as WorkerAction[]).flatMap((a) => STATES.map((s) => [a, s] as const)))('%s from %o', (action, state) => {
    const result = applyWorkerAction(state, action);
    const expected = ALLOWED[`${action} ${key(state)}`];
    if (expected) expect(key(result!.next)).toBe(expected);
    else expect(result).toBeNull();
  });

  it('logs the decision named after the action', () => {
    expect(applyWorkerAction({ auditStatus: 'pending', employment: 'active' }, 'reject')?.decision).toBe('rejected');
    expect(applyWorkerAction({ auditStatus: 'approved', employment: 'suspended' }, 'reinstate')?.decision).toBe('reinstated');
  });
});

describe('canSubmitApplication', () => {
  it('allows a first application and one after a rejection, nothing else', () => {
    expect(canSubmitApplication(null)).toBe(true);
    expect(STATES.filter((s) => canSubmitApplication(s)).map((s) => s.auditStatus)).toEqual(['rejected', 'rejected', 'rejected']);
  });
});

describe('checkApplicantIdentity', () => {
  const today = '2026-12-03';
  it('normalises the number and reads the birth year', () => {
    const id = makeIdNumber('110105', '1949-12-31', 0, 'female').replace('X', 'x');
    expect(checkApplicantIdentity({ idNumber: id, gender: 'female' }, today)).toEqual({ idNumber: id.toUpperCase(), birthYear: 1949 });
  });

  it('names idNumber for a bad number and gender when the sex digit disagrees', () => {
    expect(checkApplicantIdentity({ idNumber: '110105194912310021', gender: 'female' }, today)).toMatchObject({ field: 'idNumber' });
    expect(checkApplicantIdentity({ idNumber: makeIdNumber('110105', '1980-01-01', 1, 'male'), gender: 'female' }, today)).toMatchObject({ field: 'gender' });
  });
});
