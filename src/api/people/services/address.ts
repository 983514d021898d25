import { factories } from '@strapi/strapi';
import { DomainError, notFound } from '../../../runtime/errors';
import type { AddressInput } from '../validation/address';

const UID = 'api::people.address';
const MAX_ADDRESSES_PER_MEMBER = 50;

const POPULATE = { city: { fields: ['adcode', 'name'] } } as const;

export interface AddressView {
  documentId: string;
  contact: string;
  phone: string;
  city: string | null;
  cityName: string | null;
  district: string;
  detail: string;
  lat: number;
  lng: number;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

export const toAddressView = (row: any): AddressView => ({
  documentId: row.documentId,
  contact: row.contact,
  phone: row.phone,
  city: row.city?.adcode ?? null,
  cityName: row.city?.name ?? null,
  district: row.district,
  detail: row.detail,
  lat: row.lat,
  lng: row.lng,
  isDefault: Boolean(row.isDefault),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Addresses are private to their member: every read and write is keyed by (user, documentId),
 * and someone else's address is indistinguishable from a missing one (404). */
export default factories.createCoreService(UID, ({ strapi }) => {
  const documents = () => strapi.documents(UID);

  async function cityId(adcode: string): Promise<string> {
    const city = await strapi.documents('api::settings.city').findFirst({ filters: { adcode, active: true }, fields: ['documentId'] as any });
    if (!city) throw new DomainError('VALIDATION_FAILED', '该城市暂未开通服务', { field: 'city' });
    return city.documentId;
  }

  async function mine(userId: number, documentId: string) {
    const row = await documents().findFirst({ filters: { documentId, user: { id: userId } }, populate: POPULATE } as any);
    if (!row) throw notFound('地址不存在');
    return row;
  }

  async function clearOtherDefaults(userId: number, keep: string) {
    const others = await documents().findMany({
      filters: { user: { id: userId }, isDefault: true, documentId: { $ne: keep } },
      fields: ['documentId'],
    } as any);
    for (const other of others) await documents().update({ documentId: other.documentId, data: { isDefault: false } } as any);
  }

  return {
    async listMine(userId: number): Promise<AddressView[]> {
      const rows = await documents().findMany({
        filters: { user: { id: userId } },
        sort: ['isDefault:desc', 'updatedAt:desc'],
        populate: POPULATE,
        limit: MAX_ADDRESSES_PER_MEMBER,
      } as any);
      return rows.map(toAddressView);
    },

    async getMine(userId: number, documentId: string): Promise<AddressView> {
      return toAddressView(await mine(userId, documentId));
    },

    async createMine(userId: number, input: AddressInput): Promise<AddressView> {
      return strapi.db.transaction(async () => {
        const count = await documents().count({ filters: { user: { id: userId } } } as any);
        if (count >= MAX_ADDRESSES_PER_MEMBER) {
          throw new DomainError('VALIDATION_FAILED', `最多保存 ${MAX_ADDRESSES_PER_MEMBER} 个地址`);
        }
        const { city, ...rest } = input;
        // The first address is the default whatever the client says.
        const isDefault = count === 0 ? true : Boolean(input.isDefault);
        const created = await documents().create({
          data: { ...rest, isDefault, city: await cityId(city!), user: userId },
          populate: POPULATE,
        } as any);
        if (isDefault) await clearOtherDefaults(userId, created.documentId);
        return toAddressView(created);
      });
    },

    async updateMine(userId: number, documentId: string, input: AddressInput): Promise<AddressView> {
      return strapi.db.transaction(async () => {
        const current = await mine(userId, documentId);
        const { city, ...rest } = input;
        const data: Record<string, unknown> = { ...rest };
        if (city !== undefined) data.city = await cityId(city);
        // Un-defaulting the only default would leave the member without one.
        if (input.isDefault === false && current.isDefault) delete data.isDefault;
        const updated = await documents().update({ documentId, data, populate: POPULATE } as any);
        if (input.isDefault) await clearOtherDefaults(userId, documentId);
        return toAddressView(updated);
      });
    },

    async deleteMine(userId: number, documentId: string): Promise<void> {
      await strapi.db.transaction(async () => {
        const current = await mine(userId, documentId);
        await documents().delete({ documentId });
        if (current.isDefault) {
          const [next] = await documents().findMany({
            filters: { user: { id: userId } },
            sort: ['updatedAt:desc'],
            limit: 1,
            fields: ['documentId'],
          } as any);
          if (next) await documents().update({ documentId: next.documentId, data: { isDefault: true } } as any);
        }
      });
    },
  };
});
