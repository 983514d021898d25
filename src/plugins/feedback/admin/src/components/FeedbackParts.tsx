import * as React from 'react';
import { Box, Flex, Grid, Tabs, Typography } from '@strapi/design-system';
import type { FeedbackTab } from '../domain/feedback-query';
import { useT } from '../i18n';

/** 投诉建议 | 差评跟进, above the filters of the tab shown. */
export function FeedbackTabs({ tab, onChange, show }: { tab: FeedbackTab; onChange(tab: FeedbackTab): void; show: Record<FeedbackTab, boolean> }) {
  const t = useT();
  return (
    <Box marginBottom={4}>
      <Tabs.Root value={tab} onValueChange={(next: string) => onChange(next as FeedbackTab)}>
        <Tabs.List aria-label={t('tab.label')}>
          {show.tickets ? <Tabs.Trigger value="tickets">{t('tab.tickets')}</Tabs.Trigger> : null}
          {show.reviews ? <Tabs.Trigger value="reviews">{t('tab.reviews')}</Tabs.Trigger> : null}
        </Tabs.List>
      </Tabs.Root>
    </Box>
  );
}

/** Label over value, four to a row. */
export function Facts({ items }: { items: Array<[string, React.ReactNode]> }) {
  return (
    <Grid.Root gap={4}>
      {items.map(([label, value]) => (
        <Grid.Item key={label} col={3} s={6} xs={12} direction="column" alignItems="flex-start">
          <Typography variant="sigma" textColor="neutral600">
            {label}
          </Typography>
          {typeof value === 'string' || typeof value === 'number' ? <Typography>{value}</Typography> : value}
        </Grid.Item>
      ))}
    </Grid.Root>
  );
}

/** The member's pictures, each opening full size in a new tab. */
export function ImageStrip({ images, alt }: { images: string[]; alt: string }) {
  const t = useT();
  if (!images.length) return <Typography textColor="neutral600">{t('detail.noImages')}</Typography>;
  return (
    <Flex gap={3} wrap="wrap">
      {images.map((url, i) => (
        <a key={`${url}-${i}`} href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={`${alt} ${i + 1}`} style={{ width: 120, height: 120, objectFit: 'cover', borderRadius: 4, background: '#fff' }} />
        </a>
      ))}
    </Flex>
  );
}

/** Long text cut for a table cell; the detail shows it whole. */
export const Excerpt = ({ text, max = 40 }: { text: string | null; max?: number }) => (
  <Typography title={text ?? undefined}>{!text ? '—' : text.length > max ? `${text.slice(0, max)}…` : text}</Typography>
);
