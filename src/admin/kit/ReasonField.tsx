import * as React from 'react';
import { Field, Textarea } from '@strapi/design-system';

interface Props {
  label: string;
  /** e.g. 必填，最多 200 字 */
  hint: string;
  placeholder: string;
  maxLength: number;
  value: string;
  onChange(value: string): void;
}

/** The required reason an operator gives for an action on someone's money or order (kept in its history). */
export function ReasonField({ label, hint, placeholder, maxLength, value, onChange }: Props) {
  return (
    <Field.Root name="reason" required hint={hint}>
      <Field.Label>{label}</Field.Label>
      <Textarea
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)}
      />
      <Field.Hint />
    </Field.Root>
  );
}
