import { yup } from '@strapi/utils';
import type { PingLocationRequest } from '../../../../shared/contracts/tracking';
import { isoDateTime, unwrapData, validated } from '../../../../../../runtime/validation';


// China lies well inside these; the bounds only keep out values no phone reports (and Redis GEO's limit).
const pingSchema = yup
  .object({
    order: yup.string().trim().min(1).max(64),
    lat: yup.number().typeError('纬度须为数字').min(-85, '纬度超出范围').max(85, '纬度超出范围').required('缺少纬度 lat'),
    lng: yup.number().typeError('经度须为数字').min(-180, '经度超出范围').max(180, '经度超出范围').required('缺少经度 lng'),
    accuracy: yup.number().typeError('精度须为数字').min(0).max(100_000).nullable(),
    at: isoDateTime(),
  })
  .noUnknown()
  .strict()
  .required();


export const validatePing = (body: unknown): Promise<PingLocationRequest> => validated<PingLocationRequest>(pingSchema, unwrapData(body));
