import { validateYupSchema, yup } from '@strapi/utils';

const MOBILE_OR_LANDLINE = /^(?:\+?86)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

// GCJ-02 (AMap) is only defined over China; anything outside is a client bug.
const lat = yup.number().min(3.5).max(53.6);
const lng = yup.number().min(73.4).max(135.1);

const fields = {
  contact: yup.string().trim().min(1).max(20),
  phone: yup.string().matches(MOBILE_OR_LANDLINE, '请输入有效的手机号或座机号'),
  city: yup.string().matches(/^\d{6}$/, '城市须为 6 位行政区划代码'),
  district: yup.string().trim().min(1).max(30),
  detail: yup.string().trim().min(1).max(120),
  lat,
  lng,
  isDefault: yup.boolean(),
};

const envelope = (data: yup.AnyObjectSchema) => yup.object({ data: data.required() }).noUnknown().required();

const createSchema = envelope(
  yup
    .object({
      ...fields,
      contact: fields.contact.required(),
      phone: fields.phone.required(),
      city: fields.city.required(),
      district: fields.district.required(),
      detail: fields.detail.required(),
      lat: lat.required(),
      lng: lng.required(),
    })
    .noUnknown(),
);

const updateSchema = envelope(yup.object(fields).noUnknown());

export interface AddressInput {
  contact?: string;
  phone?: string;
  city?: string;
  district?: string;
  detail?: string;
  lat?: number;
  lng?: number;
  isDefault?: boolean;
}

export const validateCreateAddress = async (body: unknown): Promise<AddressInput> =>
  ((await validateYupSchema(createSchema)(body)) as { data: AddressInput }).data;

export const validateUpdateAddress = async (body: unknown): Promise<AddressInput> =>
  ((await validateYupSchema(updateSchema)(body)) as { data: AddressInput }).data;
