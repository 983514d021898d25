import { Field, Flex, Grid, MultiSelect, MultiSelectOption, Switch } from '@strapi/design-system';
import { DateFilter, FilterCell, FilterPanel, ResetFiltersButton, SearchFilter, SelectFilter } from '../../../../../admin/kit/FilterBar';
import type { CategoryOption, CityOption } from '../api/contracts';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from '../domain/labels';
import { hasActiveFilters, type FilterChange, type MonitorFilters } from '../domain/monitor-query';
import { useT } from '../i18n';

interface Props {
  filters: MonitorFilters;
  cities: CityOption[];
  categories: CategoryOption[];
  onChange(change: FilterChange): void;
  onReset(): void;
}

export function OrderFilters({ filters, cities, categories, onChange, onReset }: Props) {
  const t = useT();
  const statusText = (values?: string[]) =>
    (values ?? []).map((s) => ORDER_STATUS_LABELS[s as OrderStatus] ?? s).join('、');

  return (
    <FilterPanel>
      <FilterCell col={3} s={6} xs={12}>
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
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
        <SelectFilter
          name="city"
          label={t('filters.city')}
          placeholder={t('filters.city.all')}
          clearLabel={t('filters.clear')}
          value={filters.city}
          options={cities.map((city) => ({ value: city.adcode, label: city.name }))}
          onChange={(city) => onChange({ city })}
        />
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
        <SelectFilter
          name="category"
          label={t('filters.category')}
          placeholder={t('filters.category.all')}
          clearLabel={t('filters.clear')}
          value={filters.category}
          options={categories.map((category) => ({ value: category.slug, label: category.name }))}
          onChange={(category) => onChange({ category })}
        />
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
        <SearchFilter
          name="q"
          label={t('filters.orderNo')}
          placeholder={t('filters.orderNo.placeholder')}
          clearLabel={t('filters.clear')}
          maxLength={40}
          value={filters.q ?? ''}
          onSearch={(q) => onChange({ q: q || undefined })}
        />
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
        <DateFilter
          name="from"
          label={t('filters.from')}
          clearLabel={t('filters.clear')}
          value={filters.from}
          max={filters.to}
          onChange={(from) => onChange({ from })}
        />
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
        <DateFilter name="to" label={t('filters.to')} clearLabel={t('filters.clear')} value={filters.to} min={filters.from} onChange={(to) => onChange({ to })} />
      </FilterCell>
      <FilterCell col={3} s={6} xs={12}>
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
      </FilterCell>
      <Grid.Item col={3} s={6} xs={12} alignItems="flex-end">
        {hasActiveFilters(filters) ? <ResetFiltersButton label={t('filters.reset')} onReset={onReset} /> : null}
      </Grid.Item>
    </FilterPanel>
  );
}
