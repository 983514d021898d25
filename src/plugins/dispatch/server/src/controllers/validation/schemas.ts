import { yup } from '@strapi/utils';
import type { RecommendRequest, UpdateScheduleRequest, UpdateWorkerSelfRequest } from '../../../../shared/contracts/dispatch';
import { isoDateTime, unwrapData, validated, ymd } from '../../../../../../runtime/validation';

const documentId = () => yup.string().trim().min(1).max(64);
const clockTime = () => yup.string().matches(/^\d{2}:\d{2}$/, '时间须为 HH:mm，如 09:00');

const envelope = (data: yup.AnyObjectSchema) => yup.object({ data: data.required('请求体须为 { data: … }') }).noUnknown().required();



const workerSelfSchema = envelope(
  yup
    .object({
      photo: yup.number().integer().positive().nullable(),
      bio: yup.string().max(500).nullable(),
      serviceRadiusMeters: yup.number().integer().min(500).max(100_000),
      home: yup.object({ lat: yup.number().min(-85).max(85).required(), lng: yup.number().min(-180).max(180).required() }).noUnknown().nullable().default(undefined),
      acceptingOrders: yup.boolean(),
    })
    .noUnknown(),
);

const scheduleSchema = envelope(
  yup
    .object({
      weekly: yup
        .array(yup.object({ weekday: yup.number().integer().required(), start: clockTime().required(), end: clockTime().required() }).noUnknown())
        .max(70),
      leave: yup.array(yup.object({ startsAt: isoDateTime().required(), endsAt: isoDateTime().required(), reason: yup.string().max(60).nullable() }).noUnknown()).max(100),
      daysOff: yup.array(ymd().required()).max(366),
      maxOrdersPerDay: yup.number().integer().min(1).max(20).nullable(),
    })
    .noUnknown(),
);

const recommendSchema = yup
  .object({
    serviceItem: documentId().required(),
    address: documentId().required(),
    scheduledAt: isoDateTime().required(),
    durationMinutes: yup.number().integer().min(15).max(60 * 24 * 62),
    genderPreference: yup.string().oneOf(['male', 'female', 'any']),
    limit: yup.number().integer().min(1).max(50),
  })
  .noUnknown()
  .required();

const blockSchema = yup.object({ worker: documentId().required(), reason: yup.string().trim().max(200) }).noUnknown().required();
const assignSchema = yup.object({ worker: documentId().required() }).noUnknown().required();
const boardSchema = yup.object({ city: yup.string().matches(/^\d{6}$/), category: yup.string().matches(/^[a-z0-9-]+$/) }).noUnknown();
const dateSchema = yup.object({ date: ymd().required('请选择日期') }).noUnknown().required();

export const validateWorkerSelf = async (body: unknown) => (await validated<{ data: UpdateWorkerSelfRequest }>(workerSelfSchema, body)).data;
export const validateSchedule = async (body: unknown) => (await validated<{ data: UpdateScheduleRequest }>(scheduleSchema, body)).data;
export const validateRecommend = (body: unknown) => validated<RecommendRequest>(recommendSchema, unwrapData(body));
export const validateBlock = (body: unknown) => validated<{ worker: string; reason?: string }>(blockSchema, unwrapData(body));
export const validateAssign = (body: unknown) => validated<{ worker: string }>(assignSchema, body ?? {});
export const validateBoardQuery = (query: unknown) => validated<{ city?: string; category?: string }>(boardSchema, query ?? {});
export const validateDate = (query: unknown) => validated<{ date: string }>(dateSchema, query ?? {});
