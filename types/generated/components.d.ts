import type { Schema, Struct } from '@strapi/strapi';

export interface CatalogProcessStep extends Struct.ComponentSchema {
  collectionName: 'components_catalog_process_steps';
  info: {
    description: '';
    displayName: '\u670D\u52A1\u6D41\u7A0B\u6B65\u9AA4';
    icon: 'bulletList';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    minutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
  };
}

export interface CatalogPromotionPackage extends Struct.ComponentSchema {
  collectionName: 'components_catalog_promotion_packages';
  info: {
    description: '\u6309\u6570\u91CF\u6253\u5305\u7684\u4F18\u60E0\u4EF7\uFF0C\u5982 4 \u6B21\u65E5\u5E38\u4FDD\u6D01 \u00A5520';
    displayName: '\u4F18\u60E0\u5957\u9910';
    icon: 'gift';
  };
  attributes: {
    active: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    price: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    quantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
  };
}

export interface CatalogTag extends Struct.ComponentSchema {
  collectionName: 'components_catalog_tags';
  info: {
    description: '';
    displayName: '\u6807\u7B7E';
    icon: 'priceTag';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
  };
}

export interface PeopleAuditEntry extends Struct.ComponentSchema {
  collectionName: 'components_people_audit_entries';
  info: {
    description: '';
    displayName: '\u5BA1\u6838\u8BB0\u5F55';
    icon: 'check';
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    decision: Schema.Attribute.Enumeration<
      ['submitted', 'approved', 'rejected', 'suspended', 'reinstated']
    > &
      Schema.Attribute.Required;
    operator: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
  };
}

export interface PeopleCertificate extends Struct.ComponentSchema {
  collectionName: 'components_people_certificates';
  info: {
    description: '';
    displayName: '\u8D44\u8D28\u8BC1\u4E66';
    icon: 'file';
  };
  attributes: {
    expiresAt: Schema.Attribute.Date;
    file: Schema.Attribute.Media<'images' | 'files'>;
    issuedAt: Schema.Attribute.Date;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    number: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    type: Schema.Attribute.Enumeration<
      [
        'health',
        'housekeeping',
        'childcare',
        'maternity',
        'elderly_care',
        'nursing',
        'electrician',
        'plumber',
        'other',
      ]
    > &
      Schema.Attribute.Required;
    verified: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface PeopleLeave extends Struct.ComponentSchema {
  collectionName: 'components_people_leaves';
  info: {
    description: '\u671F\u95F4\u4E0D\u6D3E\u5355';
    displayName: '\u8BF7\u5047\u4E0E\u4F11\u606F';
    icon: 'calendar';
  };
  attributes: {
    endsAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<['leave', 'day_off']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'leave'>;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    startsAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
  };
}

export interface PeoplePreferences extends Struct.ComponentSchema {
  collectionName: 'components_people_preferences';
  info: {
    description: '\u7528\u4E8E\u63A8\u8350\u670D\u52A1\u4E0E\u5E08\u5085';
    displayName: '\u670D\u52A1\u504F\u597D';
    icon: 'heart';
  };
  attributes: {
    categories: Schema.Attribute.Relation<
      'oneToMany',
      'api::catalog.service-category'
    >;
    priceMax: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    priceMin: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    timeWindows: Schema.Attribute.Component<'people.time-window', true>;
    workerGender: Schema.Attribute.Enumeration<['male', 'female', 'any']> &
      Schema.Attribute.DefaultTo<'any'>;
  };
}

export interface PeopleTimeWindow extends Struct.ComponentSchema {
  collectionName: 'components_people_time_windows';
  info: {
    description: 'weekday 1=\u5468\u4E00 \u2026 7=\u5468\u65E5';
    displayName: '\u65F6\u95F4\u6BB5';
    icon: 'clock';
  };
  attributes: {
    end: Schema.Attribute.String & Schema.Attribute.Required;
    start: Schema.Attribute.String & Schema.Attribute.Required;
    weekday: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 7;
          min: 1;
        },
        number
      >;
  };
}

export interface PeopleWorkHistory extends Struct.ComponentSchema {
  collectionName: 'components_people_work_histories';
  info: {
    description: '';
    displayName: '\u5DE5\u4F5C\u7ECF\u5386';
    icon: 'briefcase';
  };
  attributes: {
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 300;
      }>;
    employer: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    from: Schema.Attribute.Date;
    role: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    to: Schema.Attribute.Date;
    verified: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

export interface PeopleWorkerSkill extends Struct.ComponentSchema {
  collectionName: 'components_people_worker_skills';
  info: {
    description: '1 \u521D\u7EA7 \u2026 5 \u8D44\u6DF1';
    displayName: '\u6280\u80FD\u7B49\u7EA7';
    icon: 'hammer';
  };
  attributes: {
    level: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    skill: Schema.Attribute.Relation<'oneToOne', 'api::catalog.skill'>;
  };
}

export interface SettingsBehaviourRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_behaviour_rules';
  info: {
    description: '';
    displayName: '\u884C\u4E3A\u6570\u636E';
    icon: 'chartBubble';
  };
  attributes: {
    enabled: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    retentionDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<180>;
  };
}

export interface SettingsBookingRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_booking_rules';
  info: {
    description: '';
    displayName: '\u9884\u7EA6\u89C4\u5219';
    icon: 'calendar';
  };
  attributes: {
    acceptanceTimeoutMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    arrivalFlagMeters: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 10;
        },
        number
      > &
      Schema.Attribute.DefaultTo<500>;
    autoConfirmHours: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<72>;
    completionPhotoRequired: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<false>;
    departLeadMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<180>;
    evidenceGraceHours: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<24>;
    instantArrivalMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 10;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
    maxAdvanceDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    minLeadMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
    recurrenceHorizonDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 7;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
    slotMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 15;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    travelBufferMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    unpaidTimeoutMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
  };
}

export interface SettingsBusinessHours extends Struct.ComponentSchema {
  collectionName: 'components_settings_business_hours';
  info: {
    description: '\u53EF\u9884\u7EA6\u7684\u6BCF\u65E5\u65F6\u6BB5\uFF08\u4E1A\u52A1\u65F6\u533A\uFF09';
    displayName: '\u8425\u4E1A\u65F6\u95F4';
    icon: 'clock';
  };
  attributes: {
    closesAt: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'20:00'>;
    opensAt: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'08:00'>;
  };
}

export interface SettingsCancellationRule extends Struct.ComponentSchema {
  collectionName: 'components_settings_cancellation_rules';
  info: {
    description: '\u5DF2\u63A5\u5355\u540E\u53D6\u6D88\uFF1A\u6309\u8BA2\u5355\u72B6\u6001\u4E0E\u8DDD\u670D\u52A1\u5F00\u59CB\u7684\u5C0F\u65F6\u6570\u6536\u53D6\u8D39\u7528';
    displayName: '\u53D6\u6D88\u6263\u8D39\u89C4\u5219';
    icon: 'cross';
  };
  attributes: {
    feePercent: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
    minFee: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    minHoursBefore: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    orderStatus: Schema.Attribute.Enumeration<
      ['accepted', 'on_the_way', 'arrived', 'in_service', 'paused']
    > &
      Schema.Attribute.Required;
  };
}

export interface SettingsCategoryCommission extends Struct.ComponentSchema {
  collectionName: 'components_settings_category_commissions';
  info: {
    description: '';
    displayName: '\u5206\u7C7B\u4F63\u91D1';
    icon: 'coins';
  };
  attributes: {
    category: Schema.Attribute.Relation<
      'oneToOne',
      'api::catalog.service-category'
    >;
    percent: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
  };
}

export interface SettingsCommission extends Struct.ComponentSchema {
  collectionName: 'components_settings_commissions';
  info: {
    description: '';
    displayName: '\u5E73\u53F0\u4F63\u91D1';
    icon: 'coins';
  };
  attributes: {
    couponsPlatformFunded: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<true>;
    defaultPercent: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<20>;
    minCommission: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    pointsPlatformFunded: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<true>;
    settlementCycleDays: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<7>;
    workerCancellationSharePercent: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
  };
}

export interface SettingsDispatchModeRule extends Struct.ComponentSchema {
  collectionName: 'components_settings_dispatch_mode_rules';
  info: {
    description: '\u6309\u57CE\u5E02\u548C\u5206\u7C7B\u6307\u5B9A\u6D3E\u5355\u6A21\u5F0F';
    displayName: '\u6D3E\u5355\u6A21\u5F0F\u89C4\u5219';
    icon: 'cog';
  };
  attributes: {
    categorySlug: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    cityAdcode: Schema.Attribute.String;
    mode: Schema.Attribute.Enumeration<
      ['recommend', 'assign', 'grab', 'batch', 'manual']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'assign'>;
  };
}

export interface SettingsDispatchRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_dispatch_rules';
  info: {
    description: '\u5339\u914D\u6253\u5206\u6743\u91CD\uFF080\u2013100\uFF09\u4E0E\u6D3E\u5355\u6A21\u5F0F';
    displayName: '\u6D3E\u5355\u89C4\u5219';
    icon: 'cog';
  };
  attributes: {
    batchIntervalSeconds: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 3600;
          min: 10;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
    maxCandidates: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10>;
    maxOrdersPerDay: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<4>;
    maxRounds: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<2>;
    mode: Schema.Attribute.Enumeration<
      ['recommend', 'assign', 'grab', 'batch', 'manual']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'recommend'>;
    offersPerRound: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 20;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    offerTimeoutSeconds: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 10;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
    searchRadiusMeters: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100000;
          min: 1000;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30000>;
    weightAcceptance: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    weightDistance: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<35>;
    weightExperience: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<15>;
    weightPreference: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    weightRating: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<25>;
    weightRepeatCustomer: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10>;
    weightWorkload: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10>;
  };
}

export interface SettingsExceptionRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_exception_rules';
  info: {
    description: '\u8BA2\u5355\u76D1\u63A7\u300C\u5F02\u5E38\u300D\u7684\u5224\u5B9A\u65F6\u95F4';
    displayName: '\u8BA2\u5355\u5F02\u5E38\u89C4\u5219';
    icon: 'bell';
  };
  attributes: {
    arrivedIdleMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    finalPaymentOverdueMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1440>;
    lateArrivalMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<15>;
    lateDepartureMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    overrunMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
  };
}

export interface SettingsFeedbackRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_feedback_rules';
  info: {
    description: '\u5BA2\u670D\u9996\u6B21\u54CD\u5E94\u4E0E\u5904\u7406\u5B8C\u6210\u7684\u65F6\u9650\uFF0C\u8D85\u65F6\u81EA\u52A8\u5347\u7EA7\u63D0\u9192\u57CE\u5E02\u8FD0\u8425';
    displayName: '\u6295\u8BC9\u5EFA\u8BAE\u65F6\u9650';
    icon: 'message';
  };
  attributes: {
    firstResponseMinutes: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<120>;
    resolutionHours: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<48>;
  };
}

export interface SettingsLevelCommission extends Struct.ComponentSchema {
  collectionName: 'components_settings_level_commissions';
  info: {
    description: '';
    displayName: '\u7B49\u7EA7\u4F63\u91D1';
    icon: 'coins';
  };
  attributes: {
    level: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    percent: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
  };
}

export interface SettingsPointsRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_points_rules';
  info: {
    description: '';
    displayName: '\u79EF\u5206\u89C4\u5219';
    icon: 'star';
  };
  attributes: {
    earnPerYuan: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    expireMonths: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<24>;
    expiryNoticeDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 365;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    maxDeductionPercent: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10>;
    pointsPerYuan: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<100>;
    reviewPoints: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<20>;
  };
}

export interface SettingsRatingStandard extends Struct.ComponentSchema {
  collectionName: 'components_settings_rating_standards';
  info: {
    description: '';
    displayName: '\u8BC4\u4EF7\u6807\u51C6';
    icon: 'star';
  };
  attributes: {
    badReviewAtMost: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<2>;
    minReviewsForRating: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    reviewWindowDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<15>;
    suspendBelow: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<3>;
    warningBelow: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<4>;
  };
}

export interface SettingsSettlementRules extends Struct.ComponentSchema {
  collectionName: 'components_settings_settlement_rules';
  info: {
    description: '\u7ED3\u7B97\u6279\u6B21\u5468\u671F\u4E0E\u6700\u4F4E\u4ED8\u6B3E\u91D1\u989D';
    displayName: '\u5E08\u5085\u7ED3\u7B97';
    icon: 'calendar';
  };
  attributes: {
    cycle: Schema.Attribute.Enumeration<['daily', 'weekly', 'monthly']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'weekly'>;
    minPayoutFen: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<100>;
  };
}

export interface SettingsSmsLimits extends Struct.ComponentSchema {
  collectionName: 'components_settings_sms_limits';
  info: {
    description: '';
    displayName: '\u77ED\u4FE1\u9891\u7387\u9650\u5236';
    icon: 'message';
  };
  attributes: {
    codeTtlSeconds: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 60;
        },
        number
      > &
      Schema.Attribute.DefaultTo<300>;
    maxPerIpPerHour: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<30>;
    maxPerPhonePerDay: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10>;
    maxVerifyAttempts: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    resendSeconds: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 10;
        },
        number
      > &
      Schema.Attribute.DefaultTo<60>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'catalog.process-step': CatalogProcessStep;
      'catalog.promotion-package': CatalogPromotionPackage;
      'catalog.tag': CatalogTag;
      'people.audit-entry': PeopleAuditEntry;
      'people.certificate': PeopleCertificate;
      'people.leave': PeopleLeave;
      'people.preferences': PeoplePreferences;
      'people.time-window': PeopleTimeWindow;
      'people.work-history': PeopleWorkHistory;
      'people.worker-skill': PeopleWorkerSkill;
      'settings.behaviour-rules': SettingsBehaviourRules;
      'settings.booking-rules': SettingsBookingRules;
      'settings.business-hours': SettingsBusinessHours;
      'settings.cancellation-rule': SettingsCancellationRule;
      'settings.category-commission': SettingsCategoryCommission;
      'settings.commission': SettingsCommission;
      'settings.dispatch-mode-rule': SettingsDispatchModeRule;
      'settings.dispatch-rules': SettingsDispatchRules;
      'settings.exception-rules': SettingsExceptionRules;
      'settings.feedback-rules': SettingsFeedbackRules;
      'settings.level-commission': SettingsLevelCommission;
      'settings.points-rules': SettingsPointsRules;
      'settings.rating-standard': SettingsRatingStandard;
      'settings.settlement-rules': SettingsSettlementRules;
      'settings.sms-limits': SettingsSmsLimits;
    }
  }
}
