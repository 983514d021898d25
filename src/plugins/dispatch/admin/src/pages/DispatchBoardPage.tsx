import * as React from 'react';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, Flex, Loader, Main, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import { toRequestProblem } from '../../../../../admin/kit/api-error';
import type { BoardOrder, BoardResponse, CandidatesResponse, WorkerTimeline } from '../../../shared/contracts/dispatch';
import { useLiveBoard } from '../api/use-live-board';
import { useKitText, useT } from '../i18n';
import { PERMISSIONS } from '../permissions';
import { WorkerSchedulePanel } from './WorkerSchedulePanel';

const REFRESH_MS = 30_000;
const RBAC_CHECK = [...PERMISSIONS.read, ...PERMISSIONS.manage];

/** "1:05" / "2 小时 5 分" for a countdown in milliseconds. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  const h = Math.floor(s / 3600);
  return h >= 48 ? `${Math.floor(h / 24)} 天` : `${h} 小时 ${Math.floor((s % 3600) / 60)} 分`;
}

const km = (m: number) => (m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`);

function useNow(): number {
  const [now, setNow] = React.useState(Date.now());
  React.useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** 调度台: pending orders with countdowns, candidates with score breakdown, one-click assignment, the worker's day. */
export function DispatchBoardPage() {
  const t = useT();
  const { describeProblem } = useKitText();
  const { get, post } = useFetchClient();
  const { allowedActions } = useRBAC(RBAC_CHECK);
  const now = useNow();
  const [city, setCity] = React.useState('');
  const [category, setCategory] = React.useState('');
  const [board, setBoard] = React.useState<BoardResponse | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [selected, setSelected] = React.useState<BoardOrder | null>(null);
  const [candidates, setCandidates] = React.useState<CandidatesResponse | null>(null);
  const [timeline, setTimeline] = React.useState<WorkerTimeline | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [scheduleOf, setScheduleOf] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    const query = new URLSearchParams({ ...(city ? { city } : {}), ...(category ? { category } : {}) });
    try {
      const res = await get<{ data: BoardResponse }>(`/dispatch/board?${query}`);
      setBoard(res.data.data);
      setProblem(null);
    } catch (error) {
      setProblem(describeProblem(toRequestProblem(error), 'error.listFailed'));
    }
  }, [get, city, category, describeProblem]);

  React.useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);
  const live = useLiveBoard(() => void load());

  const open = async (order: BoardOrder) => {
    setSelected(order);
    setCandidates(null);
    setTimeline(null);
    try {
      setCandidates((await get<{ data: CandidatesResponse }>(`/dispatch/orders/${order.documentId}/candidates`)).data.data);
    } catch (error) {
      setNotice(describeProblem(toRequestProblem(error), 'error.detailFailed'));
    }
  };

  const assign = async (worker: { documentId: string; realName: string }) => {
    if (!selected) return;
    try {
      await post(`/dispatch/orders/${selected.documentId}/assign`, { worker: worker.documentId });
      setNotice(t('candidates.assigned', { name: worker.realName }));
      setSelected(null);
      setCandidates(null);
      await load();
    } catch (error) {
      setNotice(describeProblem(toRequestProblem(error), 'error.actionFailed'));
    }
  };

  const showDay = async (workerDocumentId: string) => {
    if (!selected) return;
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(selected.scheduledAt));
    setTimeline((await get<{ data: WorkerTimeline }>(`/dispatch/workers/${workerDocumentId}/timeline?date=${date}`)).data.data);
  };

  const resolve = async (id: number) => {
    await post(`/dispatch/alerts/${id}/resolve`, {});
    await load();
  };

  const cities = [...new Map((board?.orders ?? []).filter((o) => o.city).map((o) => [o.city as string, o.cityName ?? o.city])).entries()];
  const categories = [...new Map((board?.orders ?? []).filter((o) => o.category).map((o) => [o.category as string, o.categoryName ?? o.category])).entries()];

  const countdown = (o: BoardOrder) => {
    if (o.offerExpiresAt) return t('countdown.offer', { time: formatCountdown(Date.parse(o.offerExpiresAt) - now) });
    const untilStart = Date.parse(o.scheduledAt) - now;
    return untilStart > 0 ? t('countdown.start', { time: formatCountdown(untilStart) }) : t('countdown.passed');
  };

  return (
    <Layouts.Root>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Main>
        <Layouts.Header
          title={t('plugin.name')}
          subtitle={live ? t('board.live') : t('board.offline')}
          primaryAction={
            <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => void load()}>
              {t('list.refresh')}
            </Button>
          }
        />
        <Layouts.Content>
          <Flex gap={4} marginBottom={4}>
            <Box width="240px">
              <SingleSelect aria-label={t('filters.city')} placeholder={`${t('filters.city')}：${t('filters.all')}`} value={city} onChange={(v: string | number) => setCity(String(v))} onClear={() => setCity('')}>
                {cities.map(([code, name]) => (
                  <SingleSelectOption key={code} value={code}>
                    {name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box width="240px">
              <SingleSelect aria-label={t('filters.category')} placeholder={`${t('filters.category')}：${t('filters.all')}`} value={category} onChange={(v: string | number) => setCategory(String(v))} onClear={() => setCategory('')}>
                {categories.map(([slug, name]) => (
                  <SingleSelectOption key={slug} value={slug}>
                    {name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>
          {problem ? (
            <Box background="danger100" padding={3} hasRadius marginBottom={4}>
              <Typography textColor="danger700" role="alert">{problem}</Typography>
            </Box>
          ) : null}
          {notice ? (
            <Box background="primary100" padding={3} hasRadius marginBottom={4}>
              <Typography role="status">{notice}</Typography>
            </Box>
          ) : null}
          <Box marginBottom={4}>
            <Typography variant="delta" tag="h2">{t('board.alerts')}</Typography>
            {(board?.alerts ?? []).length === 0 ? (
              <Typography textColor="neutral600">{t('board.noAlerts')}</Typography>
            ) : (
              (board?.alerts ?? []).map((a) => (
                <Flex key={a.id} gap={2} paddingTop={1}>
                  <Badge>{a.kindLabel}</Badge>
                  <Typography>{a.message}</Typography>
                  {allowedActions.canManage ? (
                    <Button size="S" variant="tertiary" onClick={() => void resolve(a.id)}>
                      {t('alerts.resolve')}
                    </Button>
                  ) : null}
                </Flex>
              ))
            )}
          </Box>
          <Typography variant="delta" tag="h2">{t('board.orders', { total: board?.orders.length ?? 0 })}</Typography>
          {!board ? (
            <Loader>{t('list.loading')}</Loader>
          ) : board.orders.length === 0 ? (
            <Typography textColor="neutral600">{t('list.empty')}</Typography>
          ) : (
            <Table colCount={7} rowCount={board.orders.length + 1}>
              <Thead>
                <Tr>
                  {(['table.orderNo', 'table.service', 'table.city', 'table.scheduledAt', 'table.mode', 'table.state', 'table.countdown'] as const).map((key) => (
                    <Th key={key}>
                      <Typography variant="sigma">{t(key)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {board.orders.map((o) => (
                  <Tr key={o.documentId} onClick={() => void open(o)} style={{ cursor: 'pointer' }} aria-selected={selected?.documentId === o.documentId}>
                    <Td><Typography>{o.orderNo}</Typography></Td>
                    <Td><Typography>{o.serviceName}</Typography></Td>
                    <Td><Typography>{o.cityName ?? o.city}</Typography></Td>
                    <Td><Typography>{formatShanghaiDateTime(o.scheduledAt)}</Typography></Td>
                    <Td><Typography>{o.modeLabel}</Typography></Td>
                    <Td><Badge>{o.taskStateLabel}</Badge></Td>
                    <Td><Typography>{countdown(o)}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          {selected ? (
            <Box marginTop={6} padding={4} background="neutral0" hasRadius shadow="tableShadow">
              <Typography variant="delta" tag="h2">{t('candidates.title', { orderNo: selected.orderNo })}</Typography>
              {!candidates ? (
                <Loader small>{t('detail.loading')}</Loader>
              ) : candidates.candidates.length === 0 ? (
                <Typography textColor="neutral600">{t('candidates.empty')}</Typography>
              ) : (
                <Table colCount={5} rowCount={candidates.candidates.length + 1}>
                  <Thead>
                    <Tr>
                      {(['candidates.worker', 'candidates.score', 'candidates.distance', 'candidates.breakdown'] as const).map((key) => (
                        <Th key={key}><Typography variant="sigma">{t(key)}</Typography></Th>
                      ))}
                      <Th><Typography variant="sigma">{t('timeline.open')}</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {candidates.candidates.map((c) => (
                      <Tr key={c.worker.documentId}>
                        <Td><Typography>{c.worker.realName}</Typography></Td>
                        <Td><Typography fontWeight="bold">{c.score.toFixed(1)}</Typography></Td>
                        <Td><Typography>{km(c.distanceMeters)}</Typography></Td>
                        <Td>
                          <Typography variant="pi">
                            {Object.entries(c.breakdown)
                              .filter(([, v]) => v > 0)
                              .map(([k, v]) => `${candidates.factorLabels[k as keyof typeof c.breakdown]} ${v}`)
                              .join(' · ')}
                          </Typography>
                        </Td>
                        <Td>
                          <Flex gap={2}>
                            <Button size="S" variant="tertiary" onClick={() => void showDay(c.worker.documentId)}>{t('timeline.open')}</Button>
                            <Button size="S" variant="tertiary" onClick={() => setScheduleOf(c.worker.documentId)}>{t('schedule.open')}</Button>
                            {allowedActions.canManage ? (
                              <Button size="S" onClick={() => void assign(c.worker)}>{t('candidates.assign')}</Button>
                            ) : null}
                          </Flex>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
              {candidates && candidates.unfit.length ? (
                <Box paddingTop={2}>
                  <Typography variant="pi" textColor="neutral600">
                    {t('candidates.unfit', { count: candidates.unfit.length })}：{candidates.unfit.map((u) => `${u.worker.realName}（${u.reasonLabel}）`).join('、')}
                  </Typography>
                </Box>
              ) : null}
              {timeline ? (
                <Box paddingTop={4}>
                  <Typography variant="epsilon" tag="h3">
                    {t('timeline.title', { name: timeline.worker.realName })} · {t('timeline.orders', { count: timeline.ordersThatDay, max: timeline.maxOrdersPerDay })}
                  </Typography>
                  <Box position="relative" height="28px" background="neutral150" hasRadius marginTop={2}>
                    {timeline.blocks.map((b, i) => {
                      const span = Date.parse(timeline.dayEnd) - Date.parse(timeline.dayStart);
                      const left = ((Date.parse(b.start) - Date.parse(timeline.dayStart)) / span) * 100;
                      const width = ((Date.parse(b.end) - Date.parse(b.start)) / span) * 100;
                      const color = b.kind === 'available' ? '#c6f0c2' : b.kind === 'booking' ? '#7b79ff' : '#f5c0b8';
                      return (
                        <div
                          key={i}
                          title={`${b.label} ${formatShanghaiDateTime(b.start, false).slice(-5)}–${formatShanghaiDateTime(b.end, false).slice(-5)}`}
                          style={{ position: 'absolute', top: b.kind === 'available' ? 0 : 4, bottom: b.kind === 'available' ? 0 : 4, left: `${left}%`, width: `${width}%`, background: color, borderRadius: 3 }}
                        />
                      );
                    })}
                  </Box>
                  <Flex gap={4} paddingTop={1}>
                    {timeline.blocks.map((b, i) => (
                      <Typography key={i} variant="pi">
                        {b.kind === 'available' ? t('timeline.available') : b.kind === 'booking' ? t('timeline.booking') : t('timeline.leave')} {formatShanghaiDateTime(b.start, false).slice(-5)}–{formatShanghaiDateTime(b.end, false).slice(-5)} {b.kind === 'available' ? '' : b.label}
                      </Typography>
                    ))}
                  </Flex>
                </Box>
              ) : null}
            </Box>
          ) : null}
          <WorkerSchedulePanel canManage={Boolean(allowedActions.canManage)} preselect={scheduleOf} />
        </Layouts.Content>
      </Main>
    </Layouts.Root>
  );
}
