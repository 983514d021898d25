import { validateYupSchema, yup } from '@strapi/utils';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM_END = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const envelope = (data: yup.AnyObjectSchema) => yup.object({ data: data.required() }).noUnknown().required();

const profileSchema = envelope(
  yup
    .object({
      name: yup.string().trim().max(40).nullable(),
      nickname: yup.string().trim().min(1).max(40),
      gender: yup.string().oneOf(['male', 'female', 'unknown']),
      city: yup.string().matches(/^\d{6}$/).nullable(),
      avatar: yup.number().integer().positive().nullable(),
    })
    .noUnknown(),
);

const preferencesSchema = envelope(
  yup
    .object({
      categories: yup.array(yup.string().matches(/^[a-z0-9-]+$/).required()).max(20),
      timeWindows: yup
        .array(
          yup
            .object({
              weekday: yup.number().integer().min(1).max(7).required(),
              start: yup.string().matches(HHMM).required(),
              end: yup
                .string()
                .matches(HHMM_END)
                .required()
                .test('after-start', '结束时间须晚于开始时间', function (end) {
                  return typeof end === 'string' && end > this.parent.start;
                }),
            })
            .noUnknown(),
        )
        .max(21),
      priceMin: yup.number().integer().min(0).nullable(),
      priceMax: yup
        .number()
        .integer()
        .min(0)
        .nullable()
        .test('range', '最高价须不低于最低价', function (max) {
          const min = this.parent.priceMin;
          return max == null || min == null || max >= min;
        }),
      workerGender: yup.string().oneOf(['male', 'female', 'any']),
    })
    .noUnknown(),
);

const redeemSchema = yup
  .object({
    gift: yup.string().trim().min(1).max(64).required(),
    address: yup.string().trim().min(1).max(64),
  })
  .noUnknown()
  .required();

export interface ProfileInput {
  name?: string | null;
  nickname?: string;
  gender?: 'male' | 'female' | 'unknown';
  city?: string | null;
  avatar?: number | null;
}

export interface PreferencesInput {
  categories?: string[];
  timeWindows?: Array<{ weekday: number; start: string; end: string }>;
  priceMin?: number | null;
  priceMax?: number | null;
  workerGender?: 'male' | 'female' | 'any';
}

export const validateProfile = async (body: unknown) =>
  ((await validateYupSchema(profileSchema)(body)) as { data: ProfileInput }).data;
export const validatePreferences = async (body: unknown) =>
  ((await validateYupSchema(preferencesSchema)(body)) as { data: PreferencesInput }).data;
export const validateRedeem = async (body: unknown) =>
  (await validateYupSchema(redeemSchema)(body)) as { gift: string; address?: string };
