import { validateYupSchema, yup } from '@strapi/utils';
import { WEEKDAY_CODES } from '../../domain';
import { unwrapData } from '../../../../../../runtime/validation';

const documentId = () => yup.string().trim().min(1).max(64);
const isoDateTime = () =>
  yup
    .string()
    .matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '时间须为带时区的 ISO 8601 格式，如 2026-12-01T10:00:00+08:00');

const requirements = yup
  .object({
    areas: yup.array(yup.string().trim().min(1).max(30).required()).max(20),
    supplies: yup.array(yup.string().trim().min(1).max(30).required()).max(20),
    genderPreference: yup.string().oneOf(['male', 'female', 'any']),
    note: yup.string().max(500),
  })
  .noUnknown()
  .default(undefined);

const usePoints = yup
  .mixed<boolean | number>()
  .test('points', 'usePoints 须为布尔值或正整数', (v) => v === undefined || v === null || typeof v === 'boolean' || (Number.isInteger(v) && (v as number) > 0));

const recurrence = yup
  .object({
    freq: yup.string().oneOf(['weekly', 'monthly']).required(),
    interval: yup.number().integer().min(1).max(12),
    count: yup.number().integer().min(1).max(52),
    until: yup.string().max(40),
    byWeekday: yup.array(yup.string().oneOf([...WEEKDAY_CODES]).required()).max(7),
  })
  .noUnknown()
  .default(undefined);

const SOURCES = ['mini-program', 'app', 'h5', 'wechat-mp'];

const quoteSchema = yup
  .object({
    serviceItem: documentId().required(),
    quantity: yup.number().integer().min(1).max(10_000),
    packageCode: yup.string().max(40),
    scheduledAt: isoDateTime(),
    coupon: documentId(),
    usePoints,
    paymentMode: yup.string().oneOf(['full', 'deposit']),
  })
  .noUnknown()
  .required();

const createSchema = yup
  .object({
    serviceItem: documentId().required(),
    quantity: yup.number().integer().min(1).max(10_000),
    packageCode: yup.string().max(40),
    address: documentId().required(),
    scheduledAt: isoDateTime(),
    instant: yup.boolean(),
    durationMinutes: yup.number().integer().min(15).max(60 * 24 * 62),
    requirements,
    worker: documentId(),
    coupon: documentId(),
    usePoints,
    paymentMode: yup.string().oneOf(['full', 'deposit']).required(),
    recurrence,
    source: yup.string().oneOf(SOURCES),
  })
  .noUnknown()
  .required();

const modifySchema = yup
  .object({
    scheduledAt: isoDateTime(),
    instant: yup.boolean(),
    quantity: yup.number().integer().min(1).max(10_000),
    packageCode: yup.string().max(40).nullable(),
    durationMinutes: yup.number().integer().min(15).max(60 * 24 * 62),
    requirements,
    address: documentId(),
  })
  .noUnknown()
  .test('not-empty', '请至少修改一项', (v) => !!v && Object.keys(v).length > 0)
  .required();

const reasonSchema = yup
  .object({ reason: yup.string().trim().min(1, '请填写原因').max(200).required('请填写原因') })
  .noUnknown()
  .required();

const optionalReasonSchema = yup.object({ reason: yup.string().trim().max(200) }).noUnknown();

// lat/lng only mean something on arrive; parsePosition checks they come as a pair.
const stepSchema = yup
  .object({
    reason: yup.string().trim().max(200),
    lat: yup.number().strict().min(-90).max(90),
    lng: yup.number().strict().min(-180).max(180),
  })
  .noUnknown();

const evidenceSchema = yup
  .object({
    kind: yup.string().oneOf(['before', 'after']).required(),
    photos: yup.array(yup.number().strict().integer().positive().required()).min(1).max(9).required(),
    note: yup.string().trim().max(500).nullable(),
  })
  .noUnknown();

const listSchema = yup
  .object({
    status: yup.string().matches(/^[a-z_]+(,[a-z_]+)*$/),
    as: yup.string().oneOf(['member', 'worker']),
    pagination: yup.object({ page: yup.string().matches(/^[1-9]\d{0,4}$/), pageSize: yup.string().matches(/^([1-9]\d?|100)$/) }).noUnknown(),
  })
  .noUnknown();


export const validateQuote = (body: unknown) => validateYupSchema(quoteSchema)(unwrapData(body));
export const validateCreate = (body: unknown) => validateYupSchema(createSchema)(unwrapData(body));
export const validateModify = (body: unknown) => validateYupSchema(modifySchema)(unwrapData(body));
export const validateReason = (body: unknown) => validateYupSchema(reasonSchema)(body ?? {});
export const validateOptionalReason = (body: unknown) => validateYupSchema(optionalReasonSchema)(body ?? {});
export const validateEvidence = (body: unknown) => validateYupSchema(evidenceSchema)(body ?? {});
export const validateStep = (body: unknown) => validateYupSchema(stepSchema)(body ?? {});
export const validateList = (query: unknown) => validateYupSchema(listSchema)(query ?? {});
