import * as React from 'react';
import { useDebounce } from '@strapi/strapi/admin';
import { Box, Button, DatePicker, Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { Cross, Search } from '@strapi/icons';
import { channelLabel, CHANNELS, PAYMENT_STATUSES, paymentStatusLabel, type Channel, type PaymentStatus } from '../domain/labels';
import { hasActiveFilters, type FilterChange, type PaymentFilters as Filters } from '../domain/payment-query';
import { pickedDateOfYmd, ymdOfPickedDate } from '../domain/shanghai-time';
import { useT } from '../i18n';

interface Props {
  filters: Filters;
  onChange(change: FilterChange): void;
  onReset(): void;
}

/** Searching waits until typing pauses, so the list is not reloaded on every key. */
function NumberSearch({ value, onSearch }: { value: string; onSearch(q: string): void }) {
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
      <Field.Label>{t('filters.q')}</Field.Label>
      <TextInput
        placeholder={t('filters.q.placeholder')}
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
        maxLength={64}
      />
    </Field.Root>
  );
}

export function PaymentFilters({ filters, onChange, onReset }: Props) {
  const t = useT();
  return (
    <Box background="neutral0" padding={4} hasRadius shadow="filterShadow" marginBottom={4}>
      <Grid.Root gap={4}>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <NumberSearch value={filters.q ?? ''} onSearch={(q) => onChange({ q: q || undefined })} />
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="channel">
            <Field.Label>{t('filters.channel')}</Field.Label>
            <SingleSelect
              placeholder={t('filters.channel.all')}
              value={filters.channel ?? null}
              onChange={(value: string | number) => onChange({ channel: String(value) as Channel })}
              onClear={filters.channel ? () => onChange({ channel: undefined }) : undefined}
              clearLabel={t('filters.clear')}
            >
              {CHANNELS.map((channel) => (
                <SingleSelectOption key={channel} value={channel}>
                  {channelLabel(channel)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="status">
            <Field.Label>{t('filters.status')}</Field.Label>
            <SingleSelect
              placeholder={t('filters.status.all')}
              value={filters.status ?? null}
              onChange={(value: string | number) => onChange({ status: String(value) as PaymentStatus })}
              onClear={filters.status ? () => onChange({ status: undefined }) : undefined}
              clearLabel={t('filters.clear')}
            >
              {PAYMENT_STATUSES.map((status) => (
                <SingleSelectOption key={status} value={status}>
                  {paymentStatusLabel(status)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
          <Field.Root name="from" hint={t('filters.date.hint')}>
            <Field.Label>{t('filters.from')}</Field.Label>
            <DatePicker
              value={filters.from ? pickedDateOfYmd(filters.from) : undefined}
              onChange={(date?: Date) => onChange({ from: date ? ymdOfPickedDate(date) : undefined })}
              onClear={() => onChange({ from: undefined })}
              clearLabel={t('filters.clear')}
              maxDate={filters.to ? pickedDateOfYmd(filters.to) : undefined}
            />
            <Field.Hint />
          </Field.Root>
        </Grid.Item>
        <Grid.Item col={2} s={6} xs={12} direction="column" alignItems="stretch">
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
        {hasActiveFilters(filters) ? (
          <Grid.Item col={12} justifyContent="flex-end">
            <Button variant="tertiary" startIcon={<Cross />} onClick={onReset}>
              {t('filters.reset')}
            </Button>
          </Grid.Item>
        ) : null}
      </Grid.Root>
    </Box>
  );
}
