import * as React from 'react';
import { Layouts, Page, Pagination } from '@strapi/strapi/admin';
import { Box, Button, EmptyStateLayout, Flex, Loader, Main, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { KitText } from './kit-text';
import type { AdminList } from './use-admin-list';

const PAGE_SIZES = ['10', '20', '50', '100'];

interface Props {
  text: KitText;
  subtitle?: string;
  list: AdminList<unknown>;
  defaultPageSize: number;
  filters: React.ReactNode;
  /** The rows, shown once loaded and not empty. */
  table: React.ReactNode;
  /** The detail opened from a row. */
  children?: React.ReactNode;
}

/** A plugin's list page: header with refresh, filters, the table (or why there is none) and pagination. */
export function ListPage({ text: { t, describeProblem }, subtitle, list, defaultPageSize, filters, table, children }: Props) {
  const { rows, pagination, isLoading, isRefreshing, error, refresh } = list;
  return (
    <Layouts.Root>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Main aria-busy={isLoading}>
        <Layouts.Header
          title={t('plugin.name')}
          subtitle={subtitle}
          primaryAction={
            <Button variant="secondary" startIcon={<ArrowClockwise />} loading={isRefreshing && !isLoading} onClick={() => void refresh()}>
              {t('list.refresh')}
            </Button>
          }
        />
        <Layouts.Content>
          {filters}
          {error ? (
            <Box background="danger100" padding={3} hasRadius marginBottom={4}>
              <Typography textColor="danger700" role="alert">
                {describeProblem(error, 'error.listFailed')}
              </Typography>
            </Box>
          ) : null}
          {isLoading ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('list.loading')}</Loader>
            </Flex>
          ) : rows.length === 0 ? (
            <EmptyStateLayout content={error ? t('error.listFailed') : t('list.empty')} />
          ) : (
            table
          )}
          {pagination && pagination.total > 0 ? (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={defaultPageSize}>
              <Pagination.PageSize options={PAGE_SIZES} />
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
        </Layouts.Content>
      </Main>
      {children}
    </Layouts.Root>
  );
}
