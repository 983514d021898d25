import type { Core } from '@strapi/strapi';
import type { PlatformSettings } from '../../../../../api/settings/settings-defaults';
import type { ModeRule, ScoreWeights } from '../domain';

export interface DispatchSettings {
  timezone: string;
  businessHours: PlatformSettings['businessHours'];
  booking: PlatformSettings['booking'];
  dispatch: PlatformSettings['dispatch'];
  modes: ModeRule[];
  weights: ScoreWeights;
}

// A recommendation reads the settings once; several per second need not each hit the database.
const TTL_MS = 2000;

/** The platform settings dispatch reads, cached for two seconds (changes apply within that). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { at: number; value: DispatchSettings } | undefined;

  return {
    async current(): Promise<DispatchSettings> {
      if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
      const s = await strapi.service('api::settings.platform-setting').current();
      const d = s.dispatch;
      const value: DispatchSettings = {
        timezone: s.timezone,
        businessHours: s.businessHours,
        booking: s.booking,
        dispatch: d,
        modes: (s.dispatchModes ?? []).map((r: any) => ({ cityAdcode: r.cityAdcode ?? null, categorySlug: r.categorySlug ?? null, mode: r.mode })),
        weights: {
          distance: d.weightDistance,
          rating: d.weightRating,
          experience: d.weightExperience,
          workload: d.weightWorkload,
          preference: d.weightPreference,
          repeatCustomer: d.weightRepeatCustomer,
          acceptance: d.weightAcceptance,
        },
      };
      cached = { at: Date.now(), value };
      return value;
    },

    forget(): void {
      cached = undefined;
    },
  };
};
