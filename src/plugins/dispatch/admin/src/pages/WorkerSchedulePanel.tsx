import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Loader, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { formatShanghaiDateTime } from '../../../../../admin/kit/shanghai-time';
import { toRequestProblem } from '../../../../../admin/kit/api-error';
import type { ScheduleView, UpdateScheduleRequest, WeeklyWindowView } from '../../../shared/contracts/dispatch';
import { useKitText, useT } from '../i18n';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

interface WorkerOption {
  documentId: string;
  realName: string;
  cityName: string | null;
}

interface LeaveDraft {
  startsAt: string;
  endsAt: string;
  reason: string;
}

interface Draft {
  weekly: WeeklyWindowView[];
  leave: LeaveDraft[];
  daysOff: string[];
  maxOrdersPerDay: string;
}

/** "2026-12-05T07:00:00.000Z" → "2026-12-05 15:00" in Beijing time, as operators type it. */
const toLocal = (iso: string) => formatShanghaiDateTime(iso, false);

/** "2026-12-05 15:00" (Beijing) → ISO with +08:00; left as typed when not that shape, so the server names the field. */
const toIso = (text: string) => {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim());
  return m ? `${m[1]}T${m[2]}:00+08:00` : text.trim();
};

function draftOf(view: ScheduleView): Draft {
  return {
    weekly: view.weekly.map((w) => ({ ...w })),
    leave: view.leave.map((l) => ({ startsAt: toLocal(l.startsAt), endsAt: toLocal(l.endsAt), reason: l.reason ?? '' })),
    daysOff: [...view.daysOff],
    maxOrdersPerDay: view.maxOrdersPerDay === null ? '' : String(view.maxOrdersPerDay),
  };
}

function requestOf(draft: Draft): UpdateScheduleRequest {
  const max = draft.maxOrdersPerDay.trim();
  return {
    weekly: draft.weekly,
    leave: draft.leave.map((l) => ({ startsAt: toIso(l.startsAt), endsAt: toIso(l.endsAt), reason: l.reason.trim() || null })),
    daysOff: draft.daysOff.map((d) => d.trim()).filter(Boolean),
    maxOrdersPerDay: max === '' ? null : Number(max),
  };
}

/**
 * 师傅排班 on the 调度台: an operator edits a worker of their cities — weekly windows per weekday,
 * leave, days off and the daily cap — through the same checks as the worker's own app
 * (overlaps and bad times are named; a change that would drop accepted orders names them).
 */
export function WorkerSchedulePanel({ canManage, preselect }: { canManage: boolean; preselect?: string | null }) {
  const t = useT();
  const { describeProblem } = useKitText();
  const { get, put } = useFetchClient();
  const [workers, setWorkers] = React.useState<WorkerOption[] | null>(null);
  const [worker, setWorker] = React.useState('');
  const [view, setView] = React.useState<ScheduleView | null>(null);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [message, setMessage] = React.useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    get<{ data: WorkerOption[] }>('/dispatch/workers')
      .then((res) => setWorkers(res.data.data))
      .catch(() => setWorkers([]));
  }, [get]);

  React.useEffect(() => {
    if (preselect) setWorker(preselect);
  }, [preselect]);

  React.useEffect(() => {
    if (!worker) return;
    setView(null);
    setDraft(null);
    setMessage(null);
    get<{ data: ScheduleView }>(`/dispatch/workers/${worker}/schedule`)
      .then((res) => {
        setView(res.data.data);
        setDraft(draftOf(res.data.data));
      })
      .catch((error) => setMessage({ tone: 'error', text: describeProblem(toRequestProblem(error), 'error.detailFailed') }));
  }, [get, worker, describeProblem]);

  const edit = (change: (d: Draft) => Draft) => setDraft((d) => (d ? change(d) : d));
  const setWindow = (index: number, patch: Partial<WeeklyWindowView>) =>
    edit((d) => ({ ...d, weekly: d.weekly.map((w, i) => (i === index ? { ...w, ...patch } : w)) }));
  const setLeave = (index: number, patch: Partial<LeaveDraft>) => edit((d) => ({ ...d, leave: d.leave.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      const res = await put<{ data: ScheduleView }>(`/dispatch/workers/${worker}/schedule`, { data: requestOf(draft) });
      setView(res.data.data);
      setDraft(draftOf(res.data.data));
      setMessage({ tone: 'ok', text: t('schedule.saved') });
    } catch (error) {
      setMessage({ tone: 'error', text: describeProblem(toRequestProblem(error), 'error.actionFailed') });
    } finally {
      setSaving(false);
    }
  };

  const readOnly = !canManage;
  const input = (label: string, value: string, onChange: (v: string) => void, width = '110px', placeholder?: string) => (
    <Box width={width}>
      <TextInput aria-label={label} value={value} placeholder={placeholder} disabled={readOnly} onChange={(e: React.ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
    </Box>
  );

  return (
    <Box marginTop={6} padding={4} background="neutral0" hasRadius shadow="tableShadow">
      <Typography variant="delta" tag="h2">{t('schedule.title')}</Typography>
      <Box width="320px" paddingTop={2} paddingBottom={4}>
        {workers === null ? (
          <Loader small>{t('list.loading')}</Loader>
        ) : (
          <Field.Root name="worker">
            <Field.Label>{t('schedule.pickWorker')}</Field.Label>
            <SingleSelect placeholder={t('schedule.pickWorker')} value={worker} onChange={(v: string | number) => setWorker(String(v))}>
              {workers.map((w) => (
                <SingleSelectOption key={w.documentId} value={w.documentId}>
                  {w.cityName ? `${w.realName}（${w.cityName}）` : w.realName}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        )}
      </Box>
      {message ? (
        <Box background={message.tone === 'ok' ? 'success100' : 'danger100'} padding={3} hasRadius marginBottom={4}>
          <Typography role={message.tone === 'ok' ? 'status' : 'alert'} textColor={message.tone === 'ok' ? 'success700' : 'danger700'}>
            {message.text}
          </Typography>
        </Box>
      ) : null}
      {worker && !draft && !message ? <Loader small>{t('detail.loading')}</Loader> : null}
      {draft && view ? (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box>
            <Typography variant="epsilon" tag="h3">{t('schedule.weekly')}</Typography>
            {draft.weekly.length === 0 ? (
              <Typography variant="pi" textColor="neutral600" tag="p">{t('schedule.businessHours')}</Typography>
            ) : null}
            {WEEKDAYS.map((name, i) => {
              const weekday = i + 1;
              const windows = draft.weekly.map((w, index) => ({ w, index })).filter(({ w }) => w.weekday === weekday);
              return (
                <Flex key={weekday} gap={2} paddingTop={2} alignItems="center" wrap="wrap" data-weekday={weekday}>
                  <Box width="48px"><Typography fontWeight="bold">{name}</Typography></Box>
                  {windows.length === 0 ? (
                    <Typography variant="pi" textColor="neutral500">{draft.weekly.length === 0 ? t('schedule.hoursDefault') : t('schedule.noWindow')}</Typography>
                  ) : null}
                  {windows.map(({ w, index }, n) => (
                    <Flex key={index} gap={1} alignItems="center">
                      {input(`${name}第${n + 1}段开始`, w.start, (v) => setWindow(index, { start: v }), '90px', '09:00')}
                      <Typography>–</Typography>
                      {input(`${name}第${n + 1}段结束`, w.end, (v) => setWindow(index, { end: v }), '90px', '18:00')}
                      {canManage ? (
                        <Button size="S" variant="ghost" aria-label={`删除${name}第${n + 1}段`} onClick={() => edit((d) => ({ ...d, weekly: d.weekly.filter((_, j) => j !== index) }))}>
                          <Trash />
                        </Button>
                      ) : null}
                    </Flex>
                  ))}
                  {canManage ? (
                    <Button size="S" variant="tertiary" startIcon={<Plus />} aria-label={`${name}添加时段`} onClick={() => edit((d) => ({ ...d, weekly: [...d.weekly, { weekday, start: '09:00', end: '18:00' }] }))}>
                      {t('schedule.addWindow')}
                    </Button>
                  ) : null}
                </Flex>
              );
            })}
          </Box>
          <Box>
            <Typography variant="epsilon" tag="h3">{t('schedule.leave')}</Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">{t('schedule.leaveHint')}</Typography>
            {draft.leave.map((l, index) => (
              <Flex key={index} gap={2} paddingTop={2} alignItems="center">
                {input(`请假${index + 1}开始`, l.startsAt, (v) => setLeave(index, { startsAt: v }), '170px', '2026-12-05 09:00')}
                <Typography>至</Typography>
                {input(`请假${index + 1}结束`, l.endsAt, (v) => setLeave(index, { endsAt: v }), '170px', '2026-12-05 18:00')}
                {input(`请假${index + 1}事由`, l.reason, (v) => setLeave(index, { reason: v }), '200px', t('schedule.reason'))}
                {canManage ? (
                  <Button size="S" variant="ghost" aria-label={`删除请假${index + 1}`} onClick={() => edit((d) => ({ ...d, leave: d.leave.filter((_, j) => j !== index) }))}>
                    <Trash />
                  </Button>
                ) : null}
              </Flex>
            ))}
            {canManage ? (
              <Box paddingTop={2}>
                <Button size="S" variant="tertiary" startIcon={<Plus />} onClick={() => edit((d) => ({ ...d, leave: [...d.leave, { startsAt: '', endsAt: '', reason: '' }] }))}>
                  {t('schedule.addLeave')}
                </Button>
              </Box>
            ) : null}
          </Box>
          <Box>
            <Typography variant="epsilon" tag="h3">{t('schedule.daysOff')}</Typography>
            <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="center">
              {draft.daysOff.map((day, index) => (
                <Flex key={index} gap={1} alignItems="center">
                  {input(`休息日${index + 1}`, day, (v) => edit((d) => ({ ...d, daysOff: d.daysOff.map((x, j) => (j === index ? v : x)) })), '130px', '2026-12-05')}
                  {canManage ? (
                    <Button size="S" variant="ghost" aria-label={`删除休息日${index + 1}`} onClick={() => edit((d) => ({ ...d, daysOff: d.daysOff.filter((_, j) => j !== index) }))}>
                      <Trash />
                    </Button>
                  ) : null}
                </Flex>
              ))}
              {canManage ? (
                <Button size="S" variant="tertiary" startIcon={<Plus />} onClick={() => edit((d) => ({ ...d, daysOff: [...d.daysOff, ''] }))}>
                  {t('schedule.addDayOff')}
                </Button>
              ) : null}
            </Flex>
          </Box>
          <Box width="320px">
            <Field.Root name="maxOrdersPerDay" hint={t('schedule.maxHint', { max: view.effectiveMaxOrdersPerDay })}>
              <Field.Label>{t('schedule.maxOrdersPerDay')}</Field.Label>
              <TextInput
                value={draft.maxOrdersPerDay}
                disabled={readOnly}
                inputMode="numeric"
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => edit((d) => ({ ...d, maxOrdersPerDay: e.target.value }))}
              />
              <Field.Hint />
            </Field.Root>
          </Box>
          {canManage ? (
            <Flex gap={2}>
              <Button loading={saving} onClick={() => void save()}>{t('schedule.save')}</Button>
              <Button variant="tertiary" onClick={() => { setDraft(draftOf(view)); setMessage(null); }}>{t('schedule.reset')}</Button>
            </Flex>
          ) : null}
        </Flex>
      ) : null}
    </Box>
  );
}
