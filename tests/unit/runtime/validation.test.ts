import { yup } from '@strapi/utils';
import { DomainError } from '../../../src/runtime/errors';
import { isoDateTime, unwrapData, validated, ymd } from '../../../src/runtime/validation';

const schema = yup.object({ at: isoDateTime().required(), day: ymd(), items: yup.array(yup.number().strict().integer()) }).noUnknown().strict().required();

describe('request validation', () => {
  it('passes a good value through', async () => {
    await expect(validated(schema, { at: '2026-12-01T10:00:00+08:00', day: '2026-12-01' })).resolves.toEqual({ at: '2026-12-01T10:00:00+08:00', day: '2026-12-01' });
  });

  it('answers VALIDATION_FAILED naming the first field, nested paths joined, envelopes dropped', async () => {
    const fail = async (value: unknown) => validated(schema, value).then(() => null, (err) => err);
    const noZone = await fail({ at: '2026-12-01T10:00:00' });
    expect(noZone).toBeInstanceOf(DomainError);
    expect(noZone).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'at' } });
    expect(await fail({ at: '2026-12-01T10:00:00Z', items: [1, 'x'] })).toMatchObject({ details: { field: 'items.1' } });
    const wrapped = yup.object({ data: schema }).noUnknown().required();
    expect(await validated(wrapped, { data: { at: 'soon' } }).catch((err) => err)).toMatchObject({ details: { field: 'at' } });
  });

  it('unwraps a lone { data } envelope and nothing else', () => {
    expect(unwrapData({ data: { a: 1 } })).toEqual({ a: 1 });
    expect(unwrapData({ data: { a: 1 }, b: 2 })).toEqual({ data: { a: 1 }, b: 2 });
    expect(unwrapData({ data: 'text' })).toEqual({ data: 'text' });
    expect(unwrapData(null)).toBeNull();
  });
});
