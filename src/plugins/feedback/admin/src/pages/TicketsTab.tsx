import * as React from 'react';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Td, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '../../../../../admin/kit/ConfirmDialog';
import { DetailModal, DetailSection } from '../../../../../admin/kit/DetailModal';
import { FilterCell, FilterPanel, ResetFiltersButton, SearchFilter, SelectFilter } from '../../../../../admin/kit/FilterBar';
import { ListPage } from '../../../../../admin/kit/ListPage';
import { ListTable, OpenableRow, OpenButton } from '../../../../../admin/kit/ListTable';
import { ReasonField } from '../../../../../admin/kit/ReasonField';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import { useAdminDetail } from '../../../../../admin/kit/use-admin-detail';
import { useAdminList } from '../../../../../admin/kit/use-admin-list';
import { TICKET_STATUS_LABELS, TICKET_TYPE_LABELS } from '../../../../../api/feedback/domain/ticket';
import type { AdminTicket, AdminTicketDetail, AdminTicketStatus, AdminTicketType } from '../../../shared/contracts/feedback-admin';
import { Excerpt, Facts, FeedbackTabs, ImageStrip } from '../components/FeedbackParts';
import { DEFAULT_PAGE_SIZE, ticketListSearch, type FeedbackFilterChange, type FeedbackTab, type TicketFilters } from '../domain/feedback-query';
import { overdueLabel } from '../domain/ticket-sla';
import { useKitText, useT } from '../i18n';
import type { FeedbackAbilities } from './CustomerFeedbackPage';

const STATUS_OPTIONS = (Object.entries(TICKET_STATUS_LABELS) as Array<[AdminTicketStatus, string]>).map(([value, label]) => ({ value, label }));
const TYPE_OPTIONS = (Object.entries(TICKET_TYPE_LABELS) as Array<[AdminTicketType, string]>).map(([value, label]) => ({ value, label }));
const STATUS_BADGE: Record<AdminTicketStatus, { textColor: string; backgroundColor: string }> = {
  submitted: { textColor: 'warning700', backgroundColor: 'warning100' },
  processing: { textColor: 'primary700', backgroundColor: 'primary100' },
  replied: { textColor: 'success700', backgroundColor: 'success100' },
  closed: { textColor: 'neutral700', backgroundColor: 'neutral150' },
};

type Action = 'assign' | 'reply' | 'close';

const StatusBadge = ({ ticket }: { ticket: Pick<AdminTicket, 'status' | 'statusLabel'> }) => <Badge {...STATUS_BADGE[ticket.status]}>{ticket.statusLabel}</Badge>;

function OverdueBadge({ ticket, now }: { ticket: AdminTicket; now: Date }) {
  const t = useT();
  const label = overdueLabel(ticket, now);
  return label ? (
    <Badge textColor="danger700" backgroundColor="danger100" title={label}>
      {t('badge.overdue')}：{label}
    </Badge>
  ) : null;
}

interface Props {
  filters: TicketFilters;
  change(change: FeedbackFilterChange): void;
  abilities: FeedbackAbilities;
  tabs: { tab: FeedbackTab; onChange(tab: FeedbackTab): void; show: Record<FeedbackTab, boolean> };
}

/** 投诉建议: the tickets with their deadlines, a thread per ticket, and what 客服 do to it. */
export function TicketsTab({ filters, change, abilities, tabs }: Props) {
  const t = useT();
  const text = useKitText();
  const { post } = useFetchClient();
  const me = useAuth('CustomerFeedback', (state) => state.user);
  const list = useAdminList<AdminTicket>(`/feedback/tickets?${ticketListSearch(filters)}`);
  const [open, setOpen] = React.useState<string | null>(null);
  const detail = useAdminDetail<AdminTicketDetail>(open ? `/feedback/tickets/${encodeURIComponent(open)}` : null);
  const [action, setAction] = React.useState<Action | null>(null);
  const [body, setBody] = React.useState('');
  const now = list.loadedAt ?? new Date();

  const can = (a: Action, ticket: AdminTicket) => {
    if (!abilities.manageTickets || ticket.status === 'closed') return false;
    if (a === 'assign') return !ticket.assignee || ticket.assignee.id !== me?.id;
    return true;
  };
  const actionLabel = (a: Action) => t(a === 'assign' ? 'action.assignToMe' : a === 'reply' ? 'action.reply' : 'action.close');
  const clearFilters = () => change({ status: undefined, type: undefined, escalated: undefined, mine: undefined, q: '' });

  return (
    <ListPage
      text={text}
      subtitle={list.pagination ? t('list.total', { total: list.pagination.total }) : undefined}
      list={list}
      defaultPageSize={DEFAULT_PAGE_SIZE}
      filters={
        <>
          <FeedbackTabs {...tabs} />
          <FilterPanel>
            <FilterCell col={3} s={6} xs={12}>
              <SearchFilter name="q" label={t('filters.q')} placeholder={t('filters.q.placeholder')} clearLabel={t('filters.clear')} maxLength={50} value={filters.q ?? ''} onSearch={(q) => change({ q })} />
            </FilterCell>
            <FilterCell col={2} s={6} xs={12}>
              <SelectFilter name="status" label={t('filters.status')} placeholder={t('filters.status.all')} clearLabel={t('filters.clear')} value={filters.status} options={STATUS_OPTIONS} onChange={(status) => change({ status })} />
            </FilterCell>
            <FilterCell col={2} s={6} xs={12}>
              <SelectFilter name="type" label={t('filters.type')} placeholder={t('filters.type.all')} clearLabel={t('filters.clear')} value={filters.type} options={TYPE_OPTIONS} onChange={(type) => change({ type })} />
            </FilterCell>
            <FilterCell col={2} s={6} xs={12}>
              <SelectFilter
                name="escalated"
                label={t('filters.escalated')}
                placeholder={t('filters.escalated.all')}
                clearLabel={t('filters.clear')}
                value={filters.escalated === undefined ? undefined : filters.escalated ? 'true' : 'false'}
                options={[{ value: 'true', label: t('filters.escalated.true') }, { value: 'false', label: t('filters.escalated.false') }]}
                onChange={(v) => change({ escalated: v === undefined ? undefined : v === 'true' })}
              />
            </FilterCell>
            <FilterCell col={2} s={6} xs={12}>
              <SelectFilter
                name="assignee"
                label={t('filters.assignee')}
                placeholder={t('filters.assignee.all')}
                clearLabel={t('filters.clear')}
                value={filters.mine ? 'me' : undefined}
                options={[{ value: 'me', label: t('filters.assignee.mine') }]}
                onChange={(v) => change({ mine: v === 'me' })}
              />
            </FilterCell>
            <FilterCell col={1} s={6} xs={12}>
              <ResetFiltersButton label={t('filters.reset')} onReset={clearFilters} />
            </FilterCell>
          </FilterPanel>
        </>
      }
      table={
        <ListTable
          headers={[t('table.type'), t('table.content'), t('table.member'), t('table.orderNo'), t('table.city'), t('table.status'), t('table.assignee'), t('table.firstResponseDue'), t('table.resolutionDue'), t('table.createdAt')]}
          rowCount={list.rows.length}
        >
          {list.rows.map((ticket) => (
            <OpenableRow key={ticket.documentId} onOpen={() => setOpen(ticket.documentId)}>
              <Td><OpenButton label={ticket.typeLabel} onOpen={() => setOpen(ticket.documentId)} /></Td>
              <Td><Excerpt text={ticket.content} /></Td>
              <Td><Typography>{[ticket.member?.nickname, ticket.member?.phone].filter(Boolean).join(' ') || '—'}</Typography></Td>
              <Td><Typography>{ticket.orderNo ?? '—'}</Typography></Td>
              <Td><Typography>{ticket.cityName ?? ticket.cityAdcode ?? '—'}</Typography></Td>
              <Td>
                <Flex gap={1} direction="column" alignItems="flex-start">
                  <StatusBadge ticket={ticket} />
                  <OverdueBadge ticket={ticket} now={now} />
                </Flex>
              </Td>
              <Td><Typography>{ticket.assignee?.name ?? t('table.unassigned')}</Typography></Td>
              <Td><Typography>{ticket.firstRespondedAt ? '—' : formatShanghaiDateTime(ticket.firstResponseDue, false)}</Typography></Td>
              <Td><Typography>{ticket.status === 'closed' ? '—' : formatShanghaiDateTime(ticket.resolutionDue, false)}</Typography></Td>
              <Td><Typography>{formatShanghaiDateTime(ticket.createdAt, false)}</Typography></Td>
            </OpenableRow>
          ))}
        </ListTable>
      }
    >
      <DetailModal<AdminTicketDetail>
        documentId={open}
        onClose={() => setOpen(null)}
        onChanged={() => void list.refresh()}
        text={text}
        detail={detail}
        maxWidth="83rem"
        title={(ticket) => t('detail.ticketTitle', { type: ticket.typeLabel, orderNo: ticket.orderNo ?? t('detail.ticketNoOrder') })}
        badge={(ticket) => (
          <Flex gap={2}>
            <StatusBadge ticket={ticket} />
            <OverdueBadge ticket={ticket} now={new Date()} />
          </Flex>
        )}
        actions={
          detail.data ? (
            <Flex gap={2}>
              {(['assign', 'reply', 'close'] as Action[])
                .filter((a) => can(a, detail.data!))
                .map((a) => (
                  <Button key={a} variant={a === 'close' ? 'danger-light' : a === 'reply' ? 'default' : 'secondary'} onClick={() => { setBody(''); setAction(a); }}>
                    {actionLabel(a)}
                  </Button>
                ))}
            </Flex>
          ) : null
        }
        dialogs={(ticket) => (
          <ConfirmDialog
            open={action !== null}
            onOpenChange={(next) => (next ? undefined : setAction(null))}
            title={
              action === 'assign'
                ? t('dialog.assign.title', { type: ticket.typeLabel })
                : action === 'close'
                  ? t('dialog.close.title', { type: ticket.typeLabel })
                  : t('dialog.reply.title')
            }
            confirmLabel={action ? actionLabel(action) : ''}
            danger={action === 'close'}
            canConfirm={action !== 'reply' || body.trim().length > 0}
            text={text}
            onConfirm={async () => {
              if (!action) return;
              const path = `/feedback/tickets/${encodeURIComponent(ticket.documentId)}/${action}`;
              const payload = action === 'reply' ? { content: body.trim() } : action === 'close' ? (body.trim() ? { resolution: body.trim() } : {}) : {};
              await post(path, payload);
              setAction(null);
              // Re-read rather than trust the answer's shape: the thread and deadlines move too.
              await detail.reload();
              void list.refresh();
            }}
          >
            {action === 'assign' ? (
              <Typography>{t('dialog.assign.body')}</Typography>
            ) : action === 'reply' ? (
              <ReasonField label={t('dialog.reply.label')} hint={t('dialog.reply.hint')} placeholder={t('dialog.reply.placeholder')} maxLength={1000} value={body} onChange={setBody} />
            ) : (
              <ReasonField label={t('dialog.close.label')} hint={t('dialog.close.hint')} placeholder={t('dialog.close.placeholder')} maxLength={500} value={body} onChange={setBody} />
            )}
          </ConfirmDialog>
        )}
      >
        {(ticket) => (
          <>
            <DetailSection title={t('detail.facts')}>
              <Facts
                items={[
                  [t('table.type'), ticket.typeLabel],
                  [t('table.status'), ticket.statusLabel],
                  [t('table.member'), [ticket.member?.nickname, ticket.member?.phone].filter(Boolean).join(' ') || '—'],
                  [t('table.orderNo'), ticket.orderNo ?? t('detail.ticketNoOrder')],
                  [t('table.city'), ticket.cityName ?? ticket.cityAdcode ?? '—'],
                  [t('table.assignee'), ticket.assignee?.name ?? t('table.unassigned')],
                  [t('table.createdAt'), formatShanghaiDateTime(ticket.createdAt)],
                  [t('table.firstResponseDue'), formatShanghaiDateTime(ticket.firstResponseDue)],
                  [t('detail.firstRespondedAt'), formatShanghaiDateTime(ticket.firstRespondedAt)],
                  [t('table.resolutionDue'), formatShanghaiDateTime(ticket.resolutionDue)],
                  [t('detail.lastActivityAt'), formatShanghaiDateTime(ticket.lastActivityAt)],
                  [t('detail.closedAt'), formatShanghaiDateTime(ticket.closedAt)],
                  ...(ticket.status === 'closed'
                    ? ([
                        [t('detail.closedBy'), ticket.closedBy ?? '—'],
                        [t('detail.resolution'), ticket.resolution ?? '—'],
                      ] as Array<[string, string]>)
                    : []),
                ]}
              />
            </DetailSection>
            <DetailSection title={t('detail.content')}>
              <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{ticket.content}</Typography>
              <ImageStrip images={ticket.images ?? []} alt={t('detail.images')} />
            </DetailSection>
            <DetailSection title={t('detail.thread')}>
              {ticket.replies?.length ? (
                <Flex direction="column" alignItems="stretch" gap={2} data-testid="ticket-thread">
                  {ticket.replies.map((r, i) => (
                    <Box key={`${r.createdAt}-${i}`} padding={3} hasRadius background={r.author === 'staff' ? 'primary100' : 'neutral100'} marginLeft={r.author === 'staff' ? 8 : 0} marginRight={r.author === 'staff' ? 0 : 8}>
                      <Typography variant="pi" textColor="neutral600">
                        {[r.author === 'staff' ? t('detail.staff') : t('detail.memberSide'), r.author === 'staff' ? r.authorName : null, formatShanghaiDateTime(r.createdAt)].filter(Boolean).join(' · ')}
                      </Typography>
                      <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Typography>
                    </Box>
                  ))}
                </Flex>
              ) : (
                <Typography textColor="neutral600">{t('detail.noReplies')}</Typography>
              )}
            </DetailSection>
            {ticket.escalations?.length ? (
              <DetailSection title={t('detail.escalations')}>
                {ticket.escalations.map((e, i) => (
                  <Typography key={`${e.level}-${i}`} tag="p" textColor="danger600">
                    {formatShanghaiDateTime(e.at)}　{e.label}
                  </Typography>
                ))}
              </DetailSection>
            ) : null}
          </>
        )}
      </DetailModal>
    </ListPage>
  );
}
