import type { AuditDecision, AuditStatus, Employment } from '../../../shared/contracts/workforce';

/**
 * A worker's two state fields and what moves them, as data:
 *   (none | rejected) ─submit→ pending ─approve→ approved ─suspend→ approved+suspended ─reinstate→ approved+active
 *                                       └reject→ rejected (may submit again)
 * Only an approved, active worker receives offers and may accept (dispatch and orders read
 * these fields themselves).
 */
export interface WorkerState {
  auditStatus: AuditStatus;
  employment: Employment;
}

export type WorkerAction = 'approve' | 'reject' | 'suspend' | 'reinstate';

const TRANSITIONS: Record<WorkerAction, { from: (s: WorkerState) => boolean; to: (s: WorkerState) => WorkerState; decision: AuditDecision }> = {
  approve: { from: (s) => s.auditStatus === 'pending', to: (s) => ({ ...s, auditStatus: 'approved', employment: 'active' }), decision: 'approved' },
  reject: { from: (s) => s.auditStatus === 'pending', to: (s) => ({ ...s, auditStatus: 'rejected' }), decision: 'rejected' },
  suspend: { from: (s) => s.auditStatus === 'approved' && s.employment === 'active', to: (s) => ({ ...s, employment: 'suspended' }), decision: 'suspended' },
  reinstate: { from: (s) => s.auditStatus === 'approved' && s.employment === 'suspended', to: (s) => ({ ...s, employment: 'active' }), decision: 'reinstated' },
};

/** The state after `action`, with the audit decision to log, or null when the action does not apply. */
export function applyWorkerAction(state: WorkerState, action: WorkerAction): { next: WorkerState; decision: AuditDecision } | null {
  const t = TRANSITIONS[action];
  return t.from(state) ? { next: t.to(state), decision: t.decision } : null;
}

/** Whether a member may (re)submit an application: never applied, or their last one was rejected. */
export function canSubmitApplication(existing: WorkerState | null): boolean {
  return existing === null || existing.auditStatus === 'rejected';
}

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = { pending: '待审核', approved: '已通过', rejected: '已驳回' };
export const EMPLOYMENT_LABELS: Record<Employment, string> = { active: '在职', suspended: '暂停接单', resigned: '已离职' };
export const DECISION_LABELS: Record<AuditDecision, string> = { submitted: '提交申请', approved: '审核通过', rejected: '审核驳回', suspended: '暂停接单', reinstated: '恢复接单' };
export const ACTION_LABELS: Record<WorkerAction, string> = { approve: '通过', reject: '驳回', suspend: '暂停接单', reinstate: '恢复接单' };
export const GENDER_LABELS: Record<'male' | 'female', string> = { male: '男', female: '女' };
export const CERTIFICATE_LABELS = {
  health: '健康证',
  housekeeping: '家政服务员证',
  childcare: '育婴师证',
  maternity: '母婴护理证',
  elderly_care: '养老护理员证',
  nursing: '护士执业证',
  electrician: '电工证',
  plumber: '管道工证',
  other: '其他证书',
} as const;
