import * as React from 'react';
import { useDebounce } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Switch,
  TextInput,
} from '@strapi/design-system';
import { Cross, Search } from '@strapi/icons';
import type { CategoryOption, CityOption } from '../api/contracts';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from '../domain/labels';
import { hasActiveFilters, type MonitorFilters } from '../domain/monitor-query';
import { pickedDateOfYmd, ymdOfPickedDate } from '../domain/shanghai-time';
import { useT } from '../i18n';

export type FilterChange = Partial<Omit<MonitorFilters, 'page' | 'pageSize'>>;

interface Props {
  filters: MonitorFilters;
  cities: CityOption[];
  categories: CategoryOption[];
  onChange(change: FilterChange): void;
  onReset(): void;
}

/** Order-number search waits until typing pauses, so the list is not reloaded on every key. */
function OrderNumberSearch({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const t = useT();
  const [text, setText] = React.useState(value);
  const debounced = useDebounce(text, 400);
  const onSearchRef = React.useRef(onSearch);
  onSearchRef.current = onSearch;

  // The URL may change from elsewhere (reset, back button): follow it.
  React.useEffect(() => setText(value), [value]);
  React.useEffect(() => {
    if (debounced.trim() !== value) onSearchRef.current(debounced.trim());
    // Only a settled edit should search; `value` catching up must not trigger another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  return (
    <Field.Root name="q">
      <Field.Label>{t('filters.orderNo')}</Field.Label>
      <TextInput
        placeholder={t('filters.orderNo.placeholder')}
        value={text}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
        startAction={<Search fill="neutral500" />}
        endAction={
          text ? (
            <Field.Action label={t('filters.clear')} onClick={() => setText('')}>
              <Cross />
            </Field.Action>
          ) : undefined
        }
        maxLength={40}
      />
    </Field.Root>
  );
}

export function OrderFilters({ filters, cities, categories, onChange, onReset }: Props) {
  const t = useT();
  const statusText = (values?: string[]) =>
    (values ?? []).map((s) => ORDER_STATUS_LABELS[s as OrderStatus] ?? s).join('、');

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="filterShadow" marginBottom={4}>
      <Grid.Root gap={4}>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="status">
            <Field.Label>{t('filters.status')}</Field.Label>
            <MultiSelect
              placeholder={t('filters.status.all')}
              value={filters.status}
              onChange={(values: string[]) => onChange({ status: values as OrderStatus[] })}
              onClear={() => onChange({ status: [] })}
              clearLabel={t('filters.clear')}
              customizeContent={statusText}
            >
              {ORDER_STATUSES.map((status) => (
                <MultiSelectOption key={status} value={status}>
                  {ORDER_STATUS_LABELS[status]}
                </MultiSelectOption>
              ))}
            </MultiSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="city">
            <Field.Label>{t('filters.city')}</Field.Label>
            <SingleSelect
              placeholder={t('filters.city.all')}
              value={filters.city ?? null}
              onChange={(value: string | number) => onChange({ city: String(value) })}
              onClear={filters.city ? () => onChange({ city: undefined }) : undefined}
              clearLabel={t('filters.clear')}
            >
              {cities.map((city) => (
                <SingleSelectOption key={city.adcode} value={city.adcode}>
                  {city.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="category">
            <Field.Label>{t('filters.category')}</Field.Label>
            <SingleSelect
              placeholder={t('filters.category.all')}
              value={filters.category ?? null}
              onChange={(value: string | number) => onChange({ category: String(value) })}
              onClear={filters.category ? () => onChange({ category: undefined }) : undefined}
              clearLabel={t('filters.clear')}
            >
              {categories.map((category) => (
                <SingleSelectOption key={category.slug} value={category.slug}>
                  {category.name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <OrderNumberSearch value={filters.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="from">
            <Field.Label>{t('filters.from')}</Field.Label>
            <DatePicker
              value={filters.from ? pickedDateOfYmd(filters.from) : undefined}
              onChange={(date?: Date) => onChange({ from: date ? ymdOfPickedDate(date) : undefined })}
              onClear={() => onChange({ from: undefined })}
              clearLabel={t('filters.clear')}
              maxDate={filters.to ? pickedDateOfYmd(filters.to) : undefined}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="to">
            <Field.Label>{t('filters.to')}</Field.Label>
            <DatePicker
              value={filters.to ? pickedDateOfYmd(filters.to) : undefined}
              onChange={(date?: Date) => onChange({ to: date ? ymdOfPickedDate(date) : undefined })}
              onClear={() => onChange({ to: undefined })}
              clearLabel={t('filters.clear')}
              minDate={filters.from ? pickedDateOfYmd(filters.from) : undefined}
            />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="exceptions">
            <Field.Label>{t('filters.exceptions')}</Field.Label>
            <Flex minHeight="4rem">
              <Switch
                aria-label={t('filters.exceptions.only')}
                visibleLabels
                onLabel={t('filters.exceptions.only')}
                offLabel={t('filters.exceptions.all')}
                checked={filters.exceptionsOnly}
                onCheckedChange={(checked: boolean) => onChange({ exceptionsOnly: checked })}
              />
            </Flex>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={3} s={6} xs={12} alignItems="flex-end">
          {hasActiveFilters(filters) ? (
            <Button variant="tertiary" startIcon={<Cross />} onClick={onReset}>
              {t('filters.reset')}
            </Button>
          ) : null}
        </Grid.Item>
      </Grid.Root>
    </Box>
  );
}
