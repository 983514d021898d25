import * as React from 'react';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Grid, Td, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '../../../../../admin/kit/ConfirmDialog';
import { DetailModal, DetailSection } from '../../../../../admin/kit/DetailModal';
import { FilterCell, FilterPanel, ResetFiltersButton, SelectFilter } from '../../../../../admin/kit/FilterBar';
import { ListPage } from '../../../../../admin/kit/ListPage';
import { ListTable, OpenableRow, OpenButton } from '../../../../../admin/kit/ListTable';
import { ReasonField } from '../../../../../admin/kit/ReasonField';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import { useAdminDetail } from '../../../../../admin/kit/use-admin-detail';
import { useAdminList } from '../../../../../admin/kit/use-admin-list';
import { useUrlFilters } from '../../../../../admin/kit/use-url-filters';
import { DEFAULT_PAGE_SIZE, FILTER_KEYS, filtersFromQuery, queryForFilters, toListSearch } from '../domain/worker-query';
import type { AdminWorkerView, AuditStatus, Employment } from '../../../shared/contracts/workforce';
import { useKitText, useT, type MessageKey } from '../i18n';
import { PERMISSIONS } from '../permissions';

const URL_FILTERS = { fromQuery: filtersFromQuery, toQuery: queryForFilters, keys: FILTER_KEYS };
const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.audit, ...PERMISSIONS.manage];
// Labels come from the server's domain label maps; the filter options mirror them.
const STATUS_OPTIONS: Array<{ value: AuditStatus; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
];
const EMPLOYMENT_OPTIONS: Array<{ value: Employment; label: string }> = [
  { value: 'active', label: '在职' },
  { value: 'suspended', label: '暂停接单' },
  { value: 'resigned', label: '已离职' },
];
const STATUS_BADGE: Record<AuditStatus, { textColor: string; backgroundColor: string }> = {
  pending: { textColor: 'warning700', backgroundColor: 'warning100' },
  approved: { textColor: 'success700', backgroundColor: 'success100' },
  rejected: { textColor: 'danger700', backgroundColor: 'danger100' },
};

type Action = 'approve' | 'reject' | 'suspend' | 'reinstate';
const ACTION_PATH: Record<Action, string> = { approve: 'audit', reject: 'audit', suspend: 'suspend', reinstate: 'reinstate' };

const StatusBadge = ({ worker }: { worker: AdminWorkerView }) => <Badge {...STATUS_BADGE[worker.auditStatus]}>{worker.auditStatusLabel}</Badge>;

/** One scan: a picture inline, a PDF as a link (both are short-lived signed URLs). */
function DocumentTile({ title, file, caption, openLabel }: { title: string; file: { url: string; mime?: string } | null; caption?: string; openLabel: string }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={2} padding={3} background="neutral100" hasRadius>
      <Typography fontWeight="semiBold">{title}</Typography>
      {file && file.mime !== 'application/pdf' ? (
        <img src={file.url} alt={title} style={{ width: '100%', maxHeight: 240, objectFit: 'contain', background: '#fff' }} />
      ) : null}
      {file ? (
        <a href={file.url} target="_blank" rel="noreferrer">
          {openLabel}
        </a>
      ) : null}
      {caption ? <Typography variant="pi" textColor="neutral600">{caption}</Typography> : null}
    </Flex>
  );
}

/** 师傅审核: the queue of applications (oldest first), each worker's ID and certificates side by side, decisions with a reason. */
export function WorkerAuditPage() {
  const t = useT();
  const text = useKitText();
  const { post } = useFetchClient();
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const { filters, change, reset } = useUrlFilters(URL_FILTERS);
  const list = useAdminList<AdminWorkerView>(`/workforce/workers?${toListSearch(filters)}`);
  const [open, setOpen] = React.useState<string | null>(null);
  const detail = useAdminDetail<AdminWorkerView>(open ? `/workforce/workers/${encodeURIComponent(open)}` : null);
  const [action, setAction] = React.useState<Action | null>(null);
  const [reason, setReason] = React.useState('');

  const can = (a: Action, w: AdminWorkerView) =>
    a === 'approve' || a === 'reject'
      ? Boolean(allowedActions.canAudit) && w.auditStatus === 'pending'
      : Boolean(allowedActions.canManage) && w.auditStatus === 'approved' && w.employment === (a === 'suspend' ? 'active' : 'suspended');
  const actionLabel = (a: Action) => t(`action.${a}` as MessageKey);

  return (
    <ListPage
      text={text}
      subtitle={list.pagination ? t('list.total', { total: list.pagination.total }) : undefined}
      list={list}
      defaultPageSize={DEFAULT_PAGE_SIZE}
      filters={
        <FilterPanel>
          <FilterCell col={3} s={6} xs={12}>
            <SelectFilter name="auditStatus" label={t('filters.status')} placeholder={t('filters.status.all')} clearLabel={t('filters.clear')} value={filters.auditStatus} options={STATUS_OPTIONS} onChange={(v) => change({ auditStatus: v })} />
          </FilterCell>
          <FilterCell col={3} s={6} xs={12}>
            <SelectFilter name="employment" label={t('filters.employment')} placeholder={t('filters.employment.all')} clearLabel={t('filters.clear')} value={filters.employment} options={EMPLOYMENT_OPTIONS} onChange={(v) => change({ employment: v })} />
          </FilterCell>
          <FilterCell col={3} s={6} xs={12}>
            <ResetFiltersButton label={t('filters.reset')} onReset={reset} />
          </FilterCell>
        </FilterPanel>
      }
      table={
        <ListTable headers={[t('table.realName'), t('table.gender'), t('table.city'), t('table.skills'), t('table.status'), t('table.employment'), t('table.submittedAt')]} rowCount={list.rows.length}>
          {list.rows.map((w) => (
            <OpenableRow key={w.documentId} onOpen={() => setOpen(w.documentId)}>
              <Td><OpenButton label={w.realName} onOpen={() => setOpen(w.documentId)} /></Td>
              <Td><Typography>{w.genderLabel}</Typography></Td>
              <Td><Typography>{w.cityName ?? '—'}</Typography></Td>
              <Td><Typography>{w.skills.map((s) => `${s.name} ${s.level}级`).join('、') || '—'}</Typography></Td>
              <Td><StatusBadge worker={w} /></Td>
              <Td><Typography>{w.employmentLabel}</Typography></Td>
              <Td><Typography>{formatShanghaiDateTime(w.submittedAt)}</Typography></Td>
            </OpenableRow>
          ))}
        </ListTable>
      }
    >
      <DetailModal<AdminWorkerView>
        documentId={open}
        onClose={() => setOpen(null)}
        onChanged={() => void list.refresh()}
        text={text}
        detail={detail}
        maxWidth="90rem"
        title={(w) => t('detail.title', { realName: w.realName })}
        badge={(w) => <StatusBadge worker={w} />}
        actions={
          detail.data ? (
            <Flex gap={2}>
              {(['reject', 'approve', 'suspend', 'reinstate'] as Action[])
                .filter((a) => can(a, detail.data!))
                .map((a) => (
                  <Button key={a} variant={a === 'approve' || a === 'reinstate' ? 'success' : 'danger-light'} onClick={() => { setReason(''); setAction(a); }}>
                    {actionLabel(a)}
                  </Button>
                ))}
            </Flex>
          ) : null
        }
        dialogs={(w, done) => (
          <ConfirmDialog
            open={action !== null}
            onOpenChange={(next) => (next ? undefined : setAction(null))}
            title={action ? t('dialog.title', { action: actionLabel(action), realName: w.realName }) : ''}
            confirmLabel={action ? actionLabel(action) : ''}
            danger={action === 'reject' || action === 'suspend'}
            canConfirm={reason.trim().length > 0}
            text={text}
            onConfirm={async () => {
              if (!action) return;
              const body = ACTION_PATH[action] === 'audit' ? { decision: action, reason } : { reason };
              const res = await post<{ data: AdminWorkerView }>(`/workforce/workers/${encodeURIComponent(w.documentId)}/${ACTION_PATH[action]}`, body);
              setAction(null);
              done(res.data.data);
            }}
          >
            <ReasonField label={t('dialog.reason')} hint={t('dialog.reason.hint')} placeholder={t('dialog.reason.placeholder')} maxLength={300} value={reason} onChange={setReason} />
          </ConfirmDialog>
        )}
      >
        {(w) => (
          <>
            <DetailSection title={t('detail.identity')}>
              <Grid.Root gap={4}>
                {[
                  [t('table.realName'), w.realName],
                  [t('detail.idNumber'), w.idNumber ?? '—'],
                  [t('table.gender'), w.genderLabel],
                  [t('table.city'), w.cityName ?? '—'],
                  [t('detail.experience'), t('detail.years', { years: w.experienceYears })],
                  [t('table.skills'), w.skills.map((s) => `${s.name} ${s.level}级`).join('、') || '—'],
                  [t('table.employment'), w.employmentLabel],
                  ...(w.suspendedReason ? [[t('detail.suspendedReason'), w.suspendedReason]] : []),
                ].map(([label, value]) => (
                  <Grid.Item key={label} col={3} s={6} xs={12} direction="column" alignItems="flex-start">
                    <Typography variant="sigma" textColor="neutral600">{label}</Typography>
                    <Typography>{value}</Typography>
                  </Grid.Item>
                ))}
              </Grid.Root>
            </DetailSection>
            <DetailSection title={t('detail.documents')}>
              {w.photo || w.idCardImages.length || w.certificates.length ? (
                <Grid.Root gap={4}>
                  {w.photo ? (
                    <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
                      <DocumentTile title={t('detail.photo')} file={w.photo} openLabel={t('detail.openFile')} />
                    </Grid.Item>
                  ) : null}
                  {w.idCardImages.map((f, i) => (
                    <Grid.Item key={`id-${f.id}`} col={4} s={6} xs={12} direction="column" alignItems="stretch">
                      <DocumentTile title={t(i === 0 ? 'detail.idFront' : 'detail.idBack')} file={f} openLabel={t('detail.openFile')} />
                    </Grid.Item>
                  ))}
                  {w.certificates.map((c, i) => (
                    <Grid.Item key={`${c.type}-${i}`} col={4} s={6} xs={12} direction="column" alignItems="stretch">
                      <DocumentTile title={c.name ?? c.typeLabel} file={c.file} caption={c.expiresAt ? t('detail.expiresAt', { date: c.expiresAt }) : c.typeLabel} openLabel={t('detail.openFile')} />
                    </Grid.Item>
                  ))}
                </Grid.Root>
              ) : (
                <Typography textColor="neutral600">{t('detail.noDocuments')}</Typography>
              )}
            </DetailSection>
            {w.workHistory.length ? (
              <DetailSection title={t('detail.workHistory')}>
                {w.workHistory.map((h, i) => (
                  <Typography key={i}>{[h.from && `${h.from} – ${h.to ?? ''}`, h.employer, h.role, h.description].filter(Boolean).join('　')}</Typography>
                ))}
              </DetailSection>
            ) : null}
            <DetailSection title={t('detail.history')}>
              <Box>
                {w.history.map((h, i) => (
                  <Typography key={i} tag="p">
                    {formatShanghaiDateTime(h.at)}　{h.decisionLabel}　{h.reason ?? ''}　{h.operatorLabel ?? h.operator ?? ''}
                  </Typography>
                ))}
              </Box>
            </DetailSection>
          </>
        )}
      </DetailModal>
    </ListPage>
  );
}
