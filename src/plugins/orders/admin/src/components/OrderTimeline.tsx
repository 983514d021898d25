import { Box, Flex, Typography } from '@strapi/design-system';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import type { OrderEventRow } from '../api/contracts';
import { actorLabel, eventLabel, statusLabel } from '../domain/labels';
import { useT } from '../i18n';

/** The order's append-only history, oldest first, as the server recorded it. */
export function OrderTimeline({ events }: { events: OrderEventRow[] }) {
  const t = useT();
  if (!events.length) {
    return <Typography textColor="neutral600">{t('timeline.empty')}</Typography>;
  }
  return (
    <Box tag="ol" aria-label={t('detail.timeline')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((event, index) => {
        const last = index === events.length - 1;
        const moved = event.from !== event.to && event.to;
        return (
          <Flex key={`${event.at}-${index}`} tag="li" gap={3} alignItems="stretch" data-event={event.event}>
            <Flex direction="column" alignItems="center" style={{ width: '1.2rem' }}>
              <Box
                marginTop={1}
                background={last ? 'primary600' : 'neutral300'}
                style={{ width: '1rem', height: '1rem', borderRadius: '50%', flexShrink: 0 }}
              />
              {last ? null : <Box background="neutral200" style={{ width: '2px', flexGrow: 1 }} />}
            </Flex>
            <Flex direction="column" alignItems="flex-start" gap={1} paddingBottom={last ? 0 : 4}>
              <Flex gap={2} wrap="wrap">
                <Typography fontWeight="bold" textColor="neutral800">
                  {eventLabel(event.event)}
                </Typography>
                {moved ? (
                  <Typography variant="pi" textColor="neutral600">
                    {event.from ? `${statusLabel(event.from)} → ${statusLabel(event.to)}` : statusLabel(event.to)}
                  </Typography>
                ) : null}
              </Flex>
              <Typography variant="pi" textColor="neutral600">
                {formatShanghaiDateTime(event.at)} · {t('timeline.actor', { actor: actorLabel(event.actor) })}
              </Typography>
              {event.reason ? (
                <Typography variant="pi" textColor="neutral700">
                  {t('timeline.reason', { reason: event.reason })}
                </Typography>
              ) : null}
            </Flex>
          </Flex>
        );
      })}
    </Box>
  );
}
