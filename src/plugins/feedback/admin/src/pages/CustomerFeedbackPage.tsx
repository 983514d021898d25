import * as React from 'react';
import { useRBAC } from '@strapi/strapi/admin';
import { useUrlFilters } from '../../../../../admin/kit/use-url-filters';
import { FILTER_KEYS, filtersFromQuery, queryForFilters, type FeedbackTab } from '../domain/feedback-query';
import { PERMISSIONS } from '../permissions';
import { ReviewsTab } from './ReviewsTab';
import { TicketsTab } from './TicketsTab';

const URL_FILTERS = { fromQuery: filtersFromQuery, toQuery: queryForFilters, keys: FILTER_KEYS };
const RBAC_CHECK = [...PERMISSIONS.ticketsRead, ...PERMISSIONS.ticketsManage, ...PERMISSIONS.reviewsFollowUp, ...PERMISSIONS.moderate];

export interface FeedbackAbilities {
  readTickets: boolean;
  manageTickets: boolean;
  followUpReviews: boolean;
  moderate: boolean;
}

/** 客户反馈: complaints and suggestions to answer within their deadlines, and bad reviews to follow up. */
export function CustomerFeedbackPage() {
  // useRBAC names each action by its last segment: tickets-read → canTicketsRead.
  const { allowedActions, isLoading } = useRBAC(RBAC_CHECK);
  const urlFilters = useUrlFilters(URL_FILTERS);
  const abilities: FeedbackAbilities = {
    readTickets: Boolean(allowedActions.canTicketsRead),
    manageTickets: Boolean(allowedActions.canTicketsManage),
    followUpReviews: Boolean(allowedActions.canReviewsFollowUp),
    moderate: Boolean(allowedActions.canModerate),
  };
  const show: Record<FeedbackTab, boolean> = { tickets: abilities.readTickets, reviews: abilities.followUpReviews };
  // Someone who may only follow up reviews lands on that tab.
  const tab: FeedbackTab = !isLoading && !show[urlFilters.filters.tab] ? (show.reviews ? 'reviews' : 'tickets') : urlFilters.filters.tab;
  const onTab = React.useCallback((next: FeedbackTab) => urlFilters.change({ tab: next }), [urlFilters]);
  if (isLoading) return null;
  return tab === 'reviews' ? (
    <ReviewsTab filters={urlFilters.filters.reviews} change={urlFilters.change} abilities={abilities} tabs={{ tab, onChange: onTab, show }} />
  ) : (
    <TicketsTab filters={urlFilters.filters.tickets} change={urlFilters.change} abilities={abilities} tabs={{ tab, onChange: onTab, show }} />
  );
}
