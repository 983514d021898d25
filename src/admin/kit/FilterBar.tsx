/**
 * Building blocks of a list page's filter panel. Each plugin lays its own fields out in the grid
 * and names them; these keep the behaviour (debounced search, clearable selects, Beijing-day date
 * pickers) the same everywhere.
 */
import * as React from 'react';
import { useDebounce } from '@strapi/strapi/admin';
import { Box, Button, DatePicker, Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { Cross, Search } from '@strapi/icons';
import { pickedDateOfYmd, ymdOfPickedDate } from './shanghai-time';

export const FilterPanel = ({ children }: { children: React.ReactNode }) => (
  <Box background="neutral0" padding={4} hasRadius shadow="filterShadow" marginBottom={4}>
    <Grid.Root gap={4}>{children}</Grid.Root>
  </Box>
);

/** One field of the panel, stretched to its cell; sizes as Grid.Item's (12 columns). */
export const FilterCell = ({ col, s, xs, children }: { col: number; s?: number; xs?: number; children: React.ReactNode }) => (
  <Grid.Item col={col} s={s} xs={xs} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

interface SearchFilterProps {
  name: string;
  label: string;
  placeholder: string;
  clearLabel: string;
  maxLength: number;
  /** The search in the URL. */
  value: string;
  onSearch(text: string): void;
}

/** Searching waits until typing pauses, so the list is not reloaded on every key. */
export function SearchFilter({ name, label, placeholder, clearLabel, maxLength, value, onSearch }: SearchFilterProps) {
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
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <TextInput
        placeholder={placeholder}
        value={text}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value)}
        startAction={<Search fill="neutral500" />}
        endAction={
          text ? (
            <Field.Action label={clearLabel} onClick={() => setText('')}>
              <Cross />
            </Field.Action>
          ) : undefined
        }
        maxLength={maxLength}
      />
    </Field.Root>
  );
}

interface SelectFilterProps<Value extends string> {
  name: string;
  label: string;
  /** Shown while nothing is picked, e.g. 全部城市. */
  placeholder: string;
  clearLabel: string;
  value: Value | undefined;
  options: ReadonlyArray<{ value: Value; label: string }>;
  onChange(value: Value | undefined): void;
}

/** One value or none; the clear button only shows once something is picked. */
export function SelectFilter<Value extends string>({ name, label, placeholder, clearLabel, value, options, onChange }: SelectFilterProps<Value>) {
  return (
    <Field.Root name={name}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        placeholder={placeholder}
        value={value ?? null}
        onChange={(next: string | number) => onChange(String(next) as Value)}
        onClear={value ? () => onChange(undefined) : undefined}
        clearLabel={clearLabel}
      >
        {options.map((option) => (
          <SingleSelectOption key={option.value} value={option.value}>
            {option.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

interface DateFilterProps {
  name: string;
  label: string;
  hint?: string;
  clearLabel: string;
  /** Calendar days "YYYY-MM-DD", as the filters keep them. */
  value: string | undefined;
  min?: string;
  max?: string;
  onChange(ymd: string | undefined): void;
}

/** A calendar day; the picker's local-midnight Date never leaks into the filters. */
export function DateFilter({ name, label, hint, clearLabel, value, min, max, onChange }: DateFilterProps) {
  return (
    <Field.Root name={name} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <DatePicker
        value={value ? pickedDateOfYmd(value) : undefined}
        onChange={(date?: Date) => onChange(date ? ymdOfPickedDate(date) : undefined)}
        onClear={() => onChange(undefined)}
        clearLabel={clearLabel}
        minDate={min ? pickedDateOfYmd(min) : undefined}
        maxDate={max ? pickedDateOfYmd(max) : undefined}
      />
      {hint ? <Field.Hint /> : null}
    </Field.Root>
  );
}

export const ResetFiltersButton = ({ label, onReset }: { label: string; onReset(): void }) => (
  <Button variant="tertiary" startIcon={<Cross />} onClick={onReset}>
    {label}
  </Button>
);
