import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Badge, Button, Flex, Td, Typography } from '@strapi/design-system';
import { ConfirmDialog } from '../../../../../admin/kit/ConfirmDialog';
import { DetailModal, DetailSection } from '../../../../../admin/kit/DetailModal';
import { FilterCell, FilterPanel, ResetFiltersButton, SelectFilter } from '../../../../../admin/kit/FilterBar';
import { ListPage } from '../../../../../admin/kit/ListPage';
import { ListTable, OpenableRow, OpenButton } from '../../../../../admin/kit/ListTable';
import { ReasonField } from '../../../../../admin/kit/ReasonField';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import { useAdminDetail } from '../../../../../admin/kit/use-admin-detail';
import { useAdminList } from '../../../../../admin/kit/use-admin-list';
import type { AdminReview, FollowUpFilter, FollowUpState } from '../../../shared/contracts/feedback-admin';
import { Excerpt, Facts, FeedbackTabs, ImageStrip } from '../components/FeedbackParts';
import { DEFAULT_PAGE_SIZE, reviewListSearch, type FeedbackFilterChange, type FeedbackTab, type ReviewFilters } from '../domain/feedback-query';
import { useKitText, useT } from '../i18n';
import type { FeedbackAbilities } from './CustomerFeedbackPage';

const FOLLOW_UP_BADGE: Record<FollowUpState, { textColor: string; backgroundColor: string }> = {
  pending: { textColor: 'danger700', backgroundColor: 'danger100' },
  done: { textColor: 'success700', backgroundColor: 'success100' },
  none: { textColor: 'neutral700', backgroundColor: 'neutral150' },
};

type Action = 'followUp' | 'hide';

const FollowUpBadge = ({ review }: { review: AdminReview }) => <Badge {...FOLLOW_UP_BADGE[review.followUp]}>{review.followUpLabel}</Badge>;
const memberOf = (review: AdminReview) => [review.member.nickname, review.member.phone].filter(Boolean).join(' ');

interface Props {
  filters: ReviewFilters;
  change(change: FeedbackFilterChange): void;
  abilities: FeedbackAbilities;
  tabs: { tab: FeedbackTab; onChange(tab: FeedbackTab): void; show: Record<FeedbackTab, boolean> };
}

/** 差评跟进: bad reviews waiting for 客服 (oldest first), what was done about them, and hiding one with a reason. */
export function ReviewsTab({ filters, change, abilities, tabs }: Props) {
  const t = useT();
  const text = useKitText();
  const { post } = useFetchClient();
  const list = useAdminList<AdminReview>(`/feedback/reviews?${reviewListSearch(filters)}`);
  const [open, setOpen] = React.useState<string | null>(null);
  const detail = useAdminDetail<AdminReview>(open ? `/feedback/reviews/${encodeURIComponent(open)}` : null);
  const [action, setAction] = React.useState<Action | null>(null);
  const [body, setBody] = React.useState('');

  const followUpOptions: Array<{ value: FollowUpFilter; label: string }> = [
    { value: 'pending', label: t('filters.followUp.pending') },
    { value: 'done', label: t('filters.followUp.done') },
    { value: 'all', label: t('filters.followUp.all') },
  ];
  const ratingOptions = [1, 2, 3, 4, 5].map((stars) => ({ value: String(stars), label: t('filters.rating.stars', { stars }) }));
  const can = (a: Action, review: AdminReview) => (a === 'followUp' ? abilities.followUpReviews && review.followUp !== 'done' : abilities.moderate && review.visible);

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
              <SelectFilter
                name="followUp"
                label={t('filters.followUp')}
                placeholder={t('filters.followUp.pending')}
                clearLabel={t('filters.clear')}
                value={filters.followUp}
                options={followUpOptions}
                onChange={(followUp) => change({ followUp })}
              />
            </FilterCell>
            <FilterCell col={3} s={6} xs={12}>
              <SelectFilter
                name="rating"
                label={t('filters.rating')}
                placeholder={t('filters.rating.all')}
                clearLabel={t('filters.clear')}
                value={filters.rating ? String(filters.rating) : undefined}
                options={ratingOptions}
                onChange={(v) => change({ rating: v ? Number(v) : undefined })}
              />
            </FilterCell>
            <FilterCell col={3} s={6} xs={12}>
              <ResetFiltersButton label={t('filters.reset')} onReset={() => change({ followUp: undefined, rating: undefined })} />
            </FilterCell>
          </FilterPanel>
        </>
      }
      table={
        <ListTable
          headers={[t('table.orderNo'), t('table.serviceItem'), t('table.worker'), t('table.member'), t('table.rating'), t('table.content'), t('table.city'), t('table.followUp'), t('table.reviewedAt')]}
          rowCount={list.rows.length}
        >
          {list.rows.map((review) => (
            <OpenableRow key={review.documentId} onOpen={() => setOpen(review.documentId)}>
              <Td><OpenButton label={review.orderNo ?? review.order} onOpen={() => setOpen(review.documentId)} /></Td>
              <Td><Typography>{review.serviceItem ?? '—'}</Typography></Td>
              <Td><Typography>{review.worker?.name ?? '—'}</Typography></Td>
              <Td><Typography>{memberOf(review) || '—'}</Typography></Td>
              <Td><Typography fontWeight="semiBold" textColor={review.needsFollowUp ? 'danger600' : undefined}>{t('detail.score', { score: review.rating })}</Typography></Td>
              <Td><Excerpt text={review.content} /></Td>
              <Td><Typography>{review.cityName ?? review.cityAdcode ?? '—'}</Typography></Td>
              <Td>
                <Flex gap={1} direction="column" alignItems="flex-start">
                  <FollowUpBadge review={review} />
                  {review.visible ? null : <Badge>{review.visibleLabel}</Badge>}
                </Flex>
              </Td>
              <Td><Typography>{formatShanghaiDateTime(review.createdAt, false)}</Typography></Td>
            </OpenableRow>
          ))}
        </ListTable>
      }
    >
      <DetailModal<AdminReview>
        documentId={open}
        onClose={() => setOpen(null)}
        onChanged={() => void list.refresh()}
        text={text}
        detail={detail}
        maxWidth="83rem"
        title={(review) => t('detail.reviewTitle', { orderNo: review.orderNo ?? review.order })}
        badge={(review) => (
          <Flex gap={2}>
            <FollowUpBadge review={review} />
            {review.visible ? null : <Badge>{review.visibleLabel}</Badge>}
          </Flex>
        )}
        actions={
          detail.data ? (
            <Flex gap={2}>
              {can('hide', detail.data) ? (
                <Button variant="danger-light" onClick={() => { setBody(''); setAction('hide'); }}>
                  {t('action.hide')}
                </Button>
              ) : null}
              {can('followUp', detail.data) ? (
                <Button onClick={() => { setBody(''); setAction('followUp'); }}>{t('action.followUp')}</Button>
              ) : null}
            </Flex>
          ) : null
        }
        dialogs={(review, done) => (
          <ConfirmDialog
            open={action !== null}
            onOpenChange={(next) => (next ? undefined : setAction(null))}
            title={action === 'hide' ? t('dialog.hide.title') : t('dialog.followUp.title')}
            confirmLabel={action === 'hide' ? t('action.hide') : t('action.followUp')}
            danger={action === 'hide'}
            canConfirm={body.trim().length > 0}
            text={text}
            onConfirm={async () => {
              const id = encodeURIComponent(review.documentId);
              if (action === 'followUp') {
                const res = await post<{ data: AdminReview }>(`/feedback/reviews/${id}/follow-up`, { note: body.trim() });
                setAction(null);
                done(res.data.data);
              } else if (action === 'hide') {
                // Hiding answers with the public view of the review: read the staff view again.
                await post(`/feedback/reviews/${id}/hide`, { reason: body.trim() });
                setAction(null);
                await detail.reload();
                void list.refresh();
              }
            }}
          >
            {action === 'hide' ? (
              <ReasonField label={t('dialog.hide.label')} hint={t('dialog.hide.hint')} placeholder={t('dialog.hide.placeholder')} maxLength={200} value={body} onChange={setBody} />
            ) : (
              <ReasonField label={t('dialog.followUp.label')} hint={t('dialog.followUp.hint')} placeholder={t('dialog.followUp.placeholder')} maxLength={500} value={body} onChange={setBody} />
            )}
          </ConfirmDialog>
        )}
      >
        {(review) => (
          <>
            <DetailSection title={t('detail.facts')}>
              <Facts
                items={[
                  [t('table.orderNo'), review.orderNo ?? review.order],
                  [t('table.serviceItem'), review.serviceItem ?? '—'],
                  [t('table.worker'), review.worker?.name ?? '—'],
                  [t('table.member'), memberOf(review) || '—'],
                  [t('table.city'), review.cityName ?? review.cityAdcode ?? '—'],
                  [t('table.reviewedAt'), formatShanghaiDateTime(review.createdAt)],
                  [t('table.rating'), t('detail.score', { score: review.rating })],
                  [t('detail.visibility'), review.visibleLabel],
                ]}
              />
            </DetailSection>
            <DetailSection title={t('detail.ratings')}>
              <Facts
                items={[
                  [t('detail.quality'), t('detail.score', { score: review.ratings.quality })],
                  [t('detail.attitude'), t('detail.score', { score: review.ratings.attitude })],
                  [t('detail.skill'), t('detail.score', { score: review.ratings.skill })],
                ]}
              />
            </DetailSection>
            <DetailSection title={t('detail.reviewContent')}>
              <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>{review.content ?? '—'}</Typography>
              {review.anonymous ? <Typography variant="pi" textColor="neutral600">{t('detail.anonymous')}</Typography> : null}
              <ImageStrip images={review.images} alt={t('detail.images')} />
              {review.reply ? (
                <Typography tag="p" textColor="neutral600">
                  {t('detail.workerReply')}：{review.reply}
                </Typography>
              ) : null}
            </DetailSection>
            {review.visible ? null : (
              <DetailSection title={t('detail.visibility')}>
                <Facts
                  items={[
                    [t('detail.hiddenReason'), review.hiddenReason ?? '—'],
                    [t('detail.hiddenBy'), review.hiddenBy ?? '—'],
                  ]}
                />
              </DetailSection>
            )}
            <DetailSection title={t('detail.followUp')}>
              {review.followedUpAt ? (
                <Facts
                  items={[
                    [t('detail.followUp'), review.followUpNote ?? '—'],
                    [t('detail.followedUpBy'), review.followedUpBy ?? '—'],
                    [t('detail.followedUpAt'), formatShanghaiDateTime(review.followedUpAt)],
                  ]}
                />
              ) : (
                <Typography textColor="neutral600">{t('detail.noFollowUp')}</Typography>
              )}
            </DetailSection>
          </>
        )}
      </DetailModal>
    </ListPage>
  );
}
