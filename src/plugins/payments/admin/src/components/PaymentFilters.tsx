import { Grid } from '@strapi/design-system';
import { DateFilter, FilterCell, FilterPanel, ResetFiltersButton, SearchFilter, SelectFilter } from '../../../../../admin/kit/FilterBar';
import { channelLabel, CHANNELS, PAYMENT_STATUSES, paymentStatusLabel } from '../domain/labels';
import { hasActiveFilters, type FilterChange, type PaymentFilters as Filters } from '../domain/payment-query';
import { useT } from '../i18n';

interface Props {
  filters: Filters;
  onChange(change: FilterChange): void;
  onReset(): void;
}

const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) }));
const STATUS_OPTIONS = PAYMENT_STATUSES.map((status) => ({ value: status, label: paymentStatusLabel(status) }));

export function PaymentFilters({ filters, onChange, onReset }: Props) {
  const t = useT();
  return (
    <FilterPanel>
      <FilterCell col={4} s={12}>
        <SearchFilter
          name="q"
          label={t('filters.q')}
          placeholder={t('filters.q.placeholder')}
          clearLabel={t('filters.clear')}
          maxLength={64}
          value={filters.q ?? ''}
          onSearch={(q) => onChange({ q: q || undefined })}
        />
      </FilterCell>
      <FilterCell col={2} s={6} xs={12}>
        <SelectFilter
          name="channel"
          label={t('filters.channel')}
          placeholder={t('filters.channel.all')}
          clearLabel={t('filters.clear')}
          value={filters.channel}
          options={CHANNEL_OPTIONS}
          onChange={(channel) => onChange({ channel })}
        />
      </FilterCell>
      <FilterCell col={2} s={6} xs={12}>
        <SelectFilter
          name="status"
          label={t('filters.status')}
          placeholder={t('filters.status.all')}
          clearLabel={t('filters.clear')}
          value={filters.status}
          options={STATUS_OPTIONS}
          onChange={(status) => onChange({ status })}
        />
      </FilterCell>
      <FilterCell col={2} s={6} xs={12}>
        <DateFilter
          name="from"
          label={t('filters.from')}
          hint={t('filters.date.hint')}
          clearLabel={t('filters.clear')}
          value={filters.from}
          max={filters.to}
          onChange={(from) => onChange({ from })}
        />
      </FilterCell>
      <FilterCell col={2} s={6} xs={12}>
        <DateFilter name="to" label={t('filters.to')} clearLabel={t('filters.clear')} value={filters.to} min={filters.from} onChange={(to) => onChange({ to })} />
      </FilterCell>
      {hasActiveFilters(filters) ? (
        <Grid.Item col={12} justifyContent="flex-end">
          <ResetFiltersButton label={t('filters.reset')} onReset={onReset} />
        </Grid.Item>
      ) : null}
    </FilterPanel>
  );
}
