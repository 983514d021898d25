/** Request/response types of the workforce plugin's routes, shared by the server and the admin page. */

export type AuditStatus = 'pending' | 'approved' | 'rejected';
export type Employment = 'active' | 'suspended' | 'resigned';
export type AuditDecision = 'submitted' | 'approved' | 'rejected' | 'suspended' | 'reinstated';
export type CertificateType = 'health' | 'housekeeping' | 'childcare' | 'maternity' | 'elderly_care' | 'nursing' | 'electrician' | 'plumber' | 'other';

// POST /api/workers/apply
export interface ApplyRequest {
  realName: string;
  idNumber: string;
  gender: 'male' | 'female';
  /** adcode, "310100" */
  city: string;
  skills: Array<{ skill: string; level?: number }>;
  experienceYears: number;
  workHistory?: Array<{ employer?: string; role?: string; from?: string; to?: string; description?: string }>;
  certificates?: Array<{ type: CertificateType; file: number; expiresAt?: string; name?: string }>;
  /** upload id (purpose avatar or application) */
  photo?: number;
  /** front and back of the ID card: upload ids (purpose application) */
  idCardImages?: number[];
}
export interface ApplyResponse {
  data: ApplicationView;
}

/** What the applicant sees of their own application (also in GET /api/me/worker). */
export interface ApplicationView {
  documentId: string;
  realName: string;
  gender: 'male' | 'female';
  city: string | null;
  auditStatus: AuditStatus;
  /** Why the last application was rejected; null otherwise. */
  auditReason: string | null;
  employment: Employment;
  submittedAt: string | null;
}

// POST /workforce/workers/:id/audit
export interface AuditRequest {
  decision: 'approve' | 'reject';
  reason: string;
}
// POST /workforce/workers/:id/suspend, POST /workforce/workers/:id/reinstate
export interface EmploymentRequest {
  reason: string;
}

export interface AuditEntryView {
  decision: AuditDecision;
  decisionLabel: string;
  reason: string | null;
  operator: string | null;
  /** Who, as 师傅审核 shows it: the applicant themself, or the operator's account. */
  operatorLabel: string | null;
  at: string;
}

/** The auditor's view of a worker (admin only: unmasked ID number and documents). */
export interface AdminWorkerView {
  documentId: string;
  realName: string;
  idNumber: string | null;
  gender: 'male' | 'female';
  genderLabel: string;
  city: string | null;
  cityName: string | null;
  auditStatus: AuditStatus;
  auditStatusLabel: string;
  employment: Employment;
  employmentLabel: string;
  suspendedReason: string | null;
  experienceYears: number;
  skills: Array<{ name: string; level: number }>;
  photo: { id: number; url: string } | null;
  idCardImages: Array<{ id: number; url: string; mime: string }>;
  certificates: Array<{ type: CertificateType; typeLabel: string; name: string | null; expiresAt: string | null; file: { id: number; url: string; mime: string } | null }>;
  workHistory: Array<{ employer: string | null; role: string | null; from: string | null; to: string | null; description: string | null }>;
  history: AuditEntryView[];
  submittedAt: string | null;
}
// POST /workforce/workers/:id/audit|suspend|reinstate, GET /workforce/workers/:id
export interface AdminWorkerResponse {
  data: AdminWorkerView;
}
// GET /workforce/workers?auditStatus=&city=&page=
export interface AdminWorkerListResponse {
  data: AdminWorkerView[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}
