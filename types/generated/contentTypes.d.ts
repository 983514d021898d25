import type { Schema, Struct } from '@strapi/strapi';

export interface AdminApiToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_tokens';
  info: {
    description: '';
    displayName: 'Api Token';
    name: 'Api Token';
    pluralName: 'api-tokens';
    singularName: 'api-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    adminPermissions: Schema.Attribute.Relation<
      'oneToMany',
      'admin::permission'
    >;
    adminUserOwner: Schema.Attribute.Relation<'manyToOne', 'admin::user'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    encryptedKey: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    expiresAt: Schema.Attribute.DateTime;
    kind: Schema.Attribute.Enumeration<['content-api', 'admin']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'content-api'>;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<
      'oneToMany',
      'admin::api-token-permission'
    >;
    publishedAt: Schema.Attribute.DateTime;
    type: Schema.Attribute.Enumeration<['read-only', 'full-access', 'custom']> &
      Schema.Attribute.DefaultTo<'read-only'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface AdminApiTokenPermission extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_api_token_permissions';
  info: {
    description: '';
    displayName: 'API Token Permission';
    name: 'API Token Permission';
    pluralName: 'api-token-permissions';
    singularName: 'api-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'admin::api-token-permission'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface AdminPermission extends Struct.CollectionTypeSchema {
  collectionName: 'admin_permissions';
  info: {
    description: '';
    displayName: 'Permission';
    name: 'Permission';
    pluralName: 'permissions';
    singularName: 'permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    actionParameters: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    apiToken: Schema.Attribute.Relation<'manyToOne', 'admin::api-token'>;
    conditions: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<[]>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::permission'> &
      Schema.Attribute.Private;
    properties: Schema.Attribute.JSON & Schema.Attribute.DefaultTo<{}>;
    publishedAt: Schema.Attribute.DateTime;
    role: Schema.Attribute.Relation<'manyToOne', 'admin::role'>;
    subject: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface AdminRole extends Struct.CollectionTypeSchema {
  collectionName: 'admin_roles';
  info: {
    description: '';
    displayName: 'Role';
    name: 'Role';
    pluralName: 'roles';
    singularName: 'role';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::role'> &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<'oneToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    users: Schema.Attribute.Relation<'manyToMany', 'admin::user'>;
  };
}

export interface AdminSession extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_sessions';
  info: {
    description: 'Session Manager storage';
    displayName: 'Session';
    name: 'Session';
    pluralName: 'sessions';
    singularName: 'session';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    absoluteExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    childId: Schema.Attribute.String & Schema.Attribute.Private;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    deviceId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime &
      Schema.Attribute.Required &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::session'> &
      Schema.Attribute.Private;
    metadata: Schema.Attribute.JSON & Schema.Attribute.Private;
    origin: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    sessionId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique;
    status: Schema.Attribute.String & Schema.Attribute.Private;
    type: Schema.Attribute.String & Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    userId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private;
  };
}

export interface AdminTransferToken extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_tokens';
  info: {
    description: '';
    displayName: 'Transfer Token';
    name: 'Transfer Token';
    pluralName: 'transfer-tokens';
    singularName: 'transfer-token';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    accessKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }> &
      Schema.Attribute.DefaultTo<''>;
    expiresAt: Schema.Attribute.DateTime;
    lastUsedAt: Schema.Attribute.DateTime;
    lifespan: Schema.Attribute.BigInteger;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'admin::transfer-token'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    permissions: Schema.Attribute.Relation<
      'oneToMany',
      'admin::transfer-token-permission'
    >;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface AdminTransferTokenPermission
  extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_transfer_token_permissions';
  info: {
    description: '';
    displayName: 'Transfer Token Permission';
    name: 'Transfer Token Permission';
    pluralName: 'transfer-token-permissions';
    singularName: 'transfer-token-permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'admin::transfer-token-permission'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    token: Schema.Attribute.Relation<'manyToOne', 'admin::transfer-token'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface AdminUser extends Struct.CollectionTypeSchema {
  collectionName: 'admin_users';
  info: {
    description: '';
    displayName: 'User';
    name: 'User';
    pluralName: 'users';
    singularName: 'user';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    apiTokens: Schema.Attribute.Relation<'oneToMany', 'admin::api-token'> &
      Schema.Attribute.Private;
    blocked: Schema.Attribute.Boolean &
      Schema.Attribute.Private &
      Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    email: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    firstname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    isActive: Schema.Attribute.Boolean &
      Schema.Attribute.Private &
      Schema.Attribute.DefaultTo<false>;
    lastname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<'oneToMany', 'admin::user'> &
      Schema.Attribute.Private;
    password: Schema.Attribute.Password &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    preferedLanguage: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    registrationToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordToken: Schema.Attribute.String & Schema.Attribute.Private;
    resetPasswordTokenExpiresAt: Schema.Attribute.DateTime &
      Schema.Attribute.Private;
    roles: Schema.Attribute.Relation<'manyToMany', 'admin::role'> &
      Schema.Attribute.Private;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    username: Schema.Attribute.String;
  };
}

export interface ApiCatalogServiceCategory extends Struct.CollectionTypeSchema {
  collectionName: 'service_categories';
  info: {
    description: '\u670D\u52A1\u5927\u7C7B\u4E0E\u5B50\u5206\u7C7B\uFF08\u6811\u5F62\uFF09\uFF0C\u6309 sort \u5347\u5E8F\u5C55\u793A';
    displayName: '\u670D\u52A1\u5206\u7C7B';
    pluralName: 'service-categories';
    singularName: 'service-category';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    children: Schema.Attribute.Relation<
      'oneToMany',
      'api::catalog.service-category'
    >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    icon: Schema.Attribute.Media<'images'>;
    items: Schema.Attribute.Relation<'oneToMany', 'api::catalog.service-item'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::catalog.service-category'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    parent: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-category'
    >;
    publishedAt: Schema.Attribute.DateTime;
    slug: Schema.Attribute.UID & Schema.Attribute.Required;
    sort: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiCatalogServiceItem extends Struct.CollectionTypeSchema {
  collectionName: 'service_items';
  info: {
    description: '\u53EF\u9884\u7EA6\u7684\u5177\u4F53\u670D\u52A1\uFF1A\u5185\u5BB9\u3001\u6D41\u7A0B\u3001\u6548\u679C\u3001\u65F6\u957F\u4E0E\u6536\u8D39\u6807\u51C6\uFF08\u91D1\u989D\u5355\u4F4D\uFF1A\u5206\uFF09';
    displayName: '\u670D\u52A1\u9879\u76EE';
    pluralName: 'service-items';
    singularName: 'service-item';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    category: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-category'
    >;
    cover: Schema.Attribute.Media<'images'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    depositPercent: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    description: Schema.Attribute.RichText;
    durationMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 15;
        },
        number
      > &
      Schema.Attribute.DefaultTo<120>;
    effect: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    gallery: Schema.Attribute.Media<'images', true>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::catalog.service-item'
    > &
      Schema.Attribute.Private;
    maxQuantity: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    minQuantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    minSkillLevel: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    originalPrice: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    packages: Schema.Attribute.Component<'catalog.promotion-package', true>;
    price: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    priceNote: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    process: Schema.Attribute.Component<'catalog.process-step', true>;
    publishedAt: Schema.Attribute.DateTime;
    salesCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    searchIndex: Schema.Attribute.Text & Schema.Attribute.Private;
    skills: Schema.Attribute.Relation<'manyToMany', 'api::catalog.skill'>;
    slug: Schema.Attribute.UID & Schema.Attribute.Required;
    sort: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    summary: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    tags: Schema.Attribute.Component<'catalog.tag', true>;
    unit: Schema.Attribute.Enumeration<
      ['time', 'hour', 'sqm', 'unit', 'day', 'month']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'time'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    video: Schema.Attribute.Media<'videos'>;
  };
}

export interface ApiCatalogSkill extends Struct.CollectionTypeSchema {
  collectionName: 'skills';
  info: {
    description: '\u5E08\u5085\u53EF\u638C\u63E1\u7684\u6280\u80FD\uFF0C\u670D\u52A1\u9879\u76EE\u636E\u6B64\u5339\u914D\u5E08\u5085';
    displayName: '\u6280\u80FD';
    pluralName: 'skills';
    singularName: 'skill';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    category: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-category'
    >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::catalog.skill'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    requiredCertificate: Schema.Attribute.Enumeration<
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
    >;
    searchIndex: Schema.Attribute.Text & Schema.Attribute.Private;
    serviceItems: Schema.Attribute.Relation<
      'manyToMany',
      'api::catalog.service-item'
    >;
    slug: Schema.Attribute.UID & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiFeedbackReview extends Struct.CollectionTypeSchema {
  collectionName: 'reviews';
  info: {
    description: '\u4F1A\u5458\u5BF9\u5DF2\u5B8C\u6210\u8BA2\u5355\u7684\u8BC4\u4EF7\uFF08\u670D\u52A1\u8D28\u91CF\u3001\u670D\u52A1\u6001\u5EA6\u3001\u4E13\u4E1A\u6280\u80FD 1\u20135 \u5206\uFF09';
    displayName: '\u670D\u52A1\u8BC4\u4EF7';
    pluralName: 'reviews';
    singularName: 'review';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    anonymous: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    content: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    followedUpAt: Schema.Attribute.DateTime;
    followedUpBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    followUpNote: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    hiddenAt: Schema.Attribute.DateTime;
    hiddenBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    hiddenReason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    images: Schema.Attribute.Media<'images', true>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::feedback.review'
    > &
      Schema.Attribute.Private;
    member: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
    needsFollowUp: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    orderRef: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    rating: Schema.Attribute.Decimal &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    ratingAttitude: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    ratingQuality: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    ratingSkill: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 1;
        },
        number
      >;
    repliedAt: Schema.Attribute.DateTime;
    reply: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    serviceItem: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-item'
    >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    visible: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    worker: Schema.Attribute.Relation<'manyToOne', 'api::people.worker'>;
  };
}

export interface ApiFeedbackTicket extends Struct.CollectionTypeSchema {
  collectionName: 'tickets';
  info: {
    description: '\u4F1A\u5458\u63D0\u4EA4\u7684\u6295\u8BC9\u4E0E\u5EFA\u8BAE\uFF0C\u5BA2\u670D\u8DDF\u8FDB\u56DE\u590D\uFF08\u72B6\u6001\u4E0E\u56DE\u590D\u8BF7\u5728\u300C\u5BA2\u6237\u53CD\u9988\u300D\u9875\u9762\u5904\u7406\uFF09';
    displayName: '\u6295\u8BC9\u5EFA\u8BAE';
    pluralName: 'tickets';
    singularName: 'ticket';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    assigneeId: Schema.Attribute.Integer;
    assigneeName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    closedAt: Schema.Attribute.DateTime;
    closedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    content: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    escalatedAt: Schema.Attribute.DateTime;
    escalationLevel: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 2;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    firstRespondedAt: Schema.Attribute.DateTime;
    images: Schema.Attribute.Media<'images', true>;
    lastActivityAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::feedback.ticket'
    > &
      Schema.Attribute.Private;
    memberId: Schema.Attribute.Integer & Schema.Attribute.Required;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    orderRef: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    resolution: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    ticketStatus: Schema.Attribute.Enumeration<
      ['submitted', 'processing', 'replied', 'closed']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'submitted'>;
    type: Schema.Attribute.Enumeration<['complaint', 'suggestion']> &
      Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiFeedbackTicketEscalation
  extends Struct.CollectionTypeSchema {
  collectionName: 'ticket_escalations';
  info: {
    description: '\u5DE5\u5355\u8D85\u8FC7\u9996\u6B21\u54CD\u5E94\u6216\u5904\u7406\u65F6\u9650\u65F6\u81EA\u52A8\u5347\u7EA7\u7684\u8BB0\u5F55\uFF08\u6BCF\u4E2A\u5DE5\u5355\u6BCF\u7EA7\u4E00\u6B21\uFF09';
    displayName: '\u6295\u8BC9\u5EFA\u8BAE\u5347\u7EA7\u8BB0\u5F55';
    pluralName: 'ticket-escalations';
    singularName: 'ticket-escalation';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    level: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 2;
          min: 1;
        },
        number
      >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::feedback.ticket-escalation'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    ticketId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiFeedbackTicketReply extends Struct.CollectionTypeSchema {
  collectionName: 'ticket_replies';
  info: {
    description: '\u5DE5\u5355\u4E0B\u4F1A\u5458\u8FFD\u95EE\u4E0E\u5BA2\u670D\u56DE\u590D\uFF08\u6309\u65F6\u95F4\u6392\u5217\uFF09';
    displayName: '\u6295\u8BC9\u5EFA\u8BAE\u56DE\u590D';
    pluralName: 'ticket-replies';
    singularName: 'ticket-reply';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    adminId: Schema.Attribute.Integer;
    author: Schema.Attribute.Enumeration<['member', 'staff']> &
      Schema.Attribute.Required;
    authorName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    content: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    images: Schema.Attribute.Media<'images', true>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::feedback.ticket-reply'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    ticketId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiInsightsBehaviourEvent extends Struct.CollectionTypeSchema {
  collectionName: 'behaviour_events';
  info: {
    description: '\u4F1A\u5458\u4E0E\u8BBF\u5BA2\u7684\u6D4F\u89C8\u3001\u641C\u7D22\u3001\u6536\u85CF\u3001\u4E0B\u5355\u3001\u652F\u4ED8\u3001\u8BC4\u4EF7\u8BB0\u5F55\uFF08\u8FD0\u8425\u5206\u6790\u4E0E\u63A8\u8350\u7528\uFF0C\u6309\u4FDD\u7559\u5929\u6570\u81EA\u52A8\u5220\u9664\uFF09';
    displayName: '\u884C\u4E3A\u6570\u636E';
    pluralName: 'behaviour-events';
    singularName: 'behaviour-event';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    deviceId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    eventKey: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    kind: Schema.Attribute.Enumeration<
      ['view_item', 'search', 'favourite', 'book', 'pay', 'review']
    > &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::insights.behaviour-event'
    > &
      Schema.Attribute.Private;
    meta: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    subjectId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    subjectType: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    userRef: Schema.Attribute.Integer;
  };
}

export interface ApiMarketingCoupon extends Struct.CollectionTypeSchema {
  collectionName: 'coupons';
  info: {
    description: '\u65E0\u95E8\u69DB\u7ACB\u51CF\u3001\u6EE1\u51CF\u3001\u6298\u6263\u5238\uFF1B\u91D1\u989D\u5355\u4F4D\uFF1A\u5206';
    displayName: '\u4F18\u60E0\u5238\u6A21\u677F';
    pluralName: 'coupons';
    singularName: 'coupon';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    amountOff: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    categories: Schema.Attribute.Relation<
      'manyToMany',
      'api::catalog.service-category'
    >;
    claimable: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    claimEndsAt: Schema.Attribute.DateTime;
    claimStartsAt: Schema.Attribute.DateTime;
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    grantOnRegister: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<false>;
    issuedCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::marketing.coupon'
    > &
      Schema.Attribute.Private;
    maxDiscount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    minSpend: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    percentOff: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 99;
          min: 1;
        },
        number
      >;
    perUserLimit: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<1>;
    publishedAt: Schema.Attribute.DateTime;
    stock: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    type: Schema.Attribute.Enumeration<['fixed', 'threshold', 'percent']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'threshold'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    validDays: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    validFrom: Schema.Attribute.DateTime;
    validUntil: Schema.Attribute.DateTime;
  };
}

export interface ApiMarketingGift extends Struct.CollectionTypeSchema {
  collectionName: 'gifts';
  info: {
    description: '\u53EF\u7528\u79EF\u5206\u5151\u6362\u7684\u793C\u54C1\u6216\u4F18\u60E0\u5238';
    displayName: '\u79EF\u5206\u793C\u54C1';
    pluralName: 'gifts';
    singularName: 'gift';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    coupon: Schema.Attribute.Relation<'manyToOne', 'api::marketing.coupon'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    image: Schema.Attribute.Media<'images'>;
    kind: Schema.Attribute.Enumeration<['physical', 'coupon']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'physical'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::marketing.gift'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    pointsCost: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    publishedAt: Schema.Attribute.DateTime;
    sort: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    stock: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiMarketingGiftRedemption
  extends Struct.CollectionTypeSchema {
  collectionName: 'gift_redemptions';
  info: {
    description: '\u4F1A\u5458\u7528\u79EF\u5206\u5151\u6362\u793C\u54C1\uFF1B\u5B9E\u7269\u793C\u54C1\u7531\u8FD0\u8425\u53D1\u8D27\u540E\u6807\u8BB0\u5B8C\u6210';
    displayName: '\u79EF\u5206\u5151\u6362\u8BB0\u5F55';
    pluralName: 'gift-redemptions';
    singularName: 'gift-redemption';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    address: Schema.Attribute.Relation<'manyToOne', 'api::people.address'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    gift: Schema.Attribute.Relation<'manyToOne', 'api::marketing.gift'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::marketing.gift-redemption'
    > &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    pointsCost: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    publishedAt: Schema.Attribute.DateTime;
    redemptionStatus: Schema.Attribute.Enumeration<
      ['pending', 'fulfilled', 'cancelled']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending'>;
    trackingNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
    userCoupon: Schema.Attribute.Relation<
      'oneToOne',
      'api::marketing.user-coupon'
    >;
  };
}

export interface ApiMarketingPointsEntry extends Struct.CollectionTypeSchema {
  collectionName: 'points_entries';
  info: {
    description: '\u79EF\u5206\u83B7\u5F97\u4E0E\u6D88\u8017\u8BB0\u5F55\uFF08\u53EA\u589E\u4E0D\u6539\uFF09';
    displayName: '\u79EF\u5206\u6D41\u6C34';
    pluralName: 'points-entries';
    singularName: 'points-entry';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    balanceAfter: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    delta: Schema.Attribute.Integer & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::marketing.points-entry'
    > &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.Enumeration<
      [
        'order_completed',
        'order_refund',
        'review',
        'register',
        'redeem_gift',
        'order_deduction',
        'deduction_refund',
        'expire',
        'admin_adjust',
      ]
    > &
      Schema.Attribute.Required;
    ref: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
  };
}

export interface ApiMarketingUserCoupon extends Struct.CollectionTypeSchema {
  collectionName: 'user_coupons';
  info: {
    description: '\u53D1\u653E\u7ED9\u4F1A\u5458\u7684\u4F18\u60E0\u5238\u53CA\u5176\u4F7F\u7528\u72B6\u6001';
    displayName: '\u4F1A\u5458\u4F18\u60E0\u5238';
    pluralName: 'user-coupons';
    singularName: 'user-coupon';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    coupon: Schema.Attribute.Relation<'manyToOne', 'api::marketing.coupon'>;
    couponStatus: Schema.Attribute.Enumeration<
      ['available', 'reserved', 'used', 'expired', 'revoked']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'available'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime;
    grantedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    grantKey: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::marketing.user-coupon'
    > &
      Schema.Attribute.Private;
    orderRef: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    source: Schema.Attribute.Enumeration<
      ['grant', 'claim', 'exchange', 'campaign', 'register']
    > &
      Schema.Attribute.DefaultTo<'grant'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    usedAt: Schema.Attribute.DateTime;
    user: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
  };
}

export interface ApiMediaOwnedFile extends Struct.CollectionTypeSchema {
  collectionName: 'owned_files';
  info: {
    description: '\u4F1A\u5458\u4E0E\u5E08\u5085\u4E0A\u4F20\u7684\u6587\u4EF6\uFF1A\u4E0A\u4F20\u4EBA\u3001\u7528\u9014\u3001\u662F\u5426\u79C1\u5BC6\uFF08\u8BC1\u4EF6\u4E0E\u8D44\u8D28\u626B\u63CF\u4EF6\uFF09';
    displayName: '\u4E0A\u4F20\u6587\u4EF6\u5F52\u5C5E';
    pluralName: 'owned-files';
    singularName: 'owned-file';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    fileId: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::media.owned-file'
    > &
      Schema.Attribute.Private;
    mime: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    owner: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
    private: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<false>;
    publishedAt: Schema.Attribute.DateTime;
    purpose: Schema.Attribute.Enumeration<
      [
        'avatar',
        'review',
        'ticket',
        'chat',
        'application',
        'certificate',
        'evidence',
      ]
    > &
      Schema.Attribute.Required;
    sizeBytes: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiNotifyNotification extends Struct.CollectionTypeSchema {
  collectionName: 'notifications';
  info: {
    description: '\u53D1\u7ED9\u4F1A\u5458\u4E0E\u5E08\u5085\u7684\u7AD9\u5185\u901A\u77E5\uFF08\u652F\u4ED8\u6210\u529F\u3001\u63A5\u5355\u3001\u51FA\u53D1\u3001\u5B8C\u6210\u2026\uFF09';
    displayName: '\u7AD9\u5185\u6D88\u606F';
    pluralName: 'notifications';
    singularName: 'notification';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    body: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    data: Schema.Attribute.JSON;
    dedupeKey: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 160;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::notify.notification'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    readAt: Schema.Attribute.DateTime;
    title: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
    userRef: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface ApiPeopleAddress extends Struct.CollectionTypeSchema {
  collectionName: 'addresses';
  info: {
    description: '\u4F1A\u5458\u7684\u4E0A\u95E8\u670D\u52A1\u5730\u5740\uFF08\u4EC5\u672C\u4EBA\u53EF\u89C1\uFF09';
    displayName: '\u670D\u52A1\u5730\u5740';
    pluralName: 'addresses';
    singularName: 'address';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    city: Schema.Attribute.Relation<'manyToOne', 'api::settings.city'>;
    contact: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    detail: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    district: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    isDefault: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    lat: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 90;
          min: -90;
        },
        number
      >;
    lng: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 180;
          min: -180;
        },
        number
      >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::people.address'
    > &
      Schema.Attribute.Private;
    phone: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
  };
}

export interface ApiPeopleCustomerProfile extends Struct.CollectionTypeSchema {
  collectionName: 'customer_profiles';
  info: {
    description: '\u4F1A\u5458\u8D44\u6599\u4E0E\u670D\u52A1\u504F\u597D';
    displayName: '\u5BA2\u6237\u6863\u6848';
    pluralName: 'customer-profiles';
    singularName: 'customer-profile';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    avatar: Schema.Attribute.Media<'images'>;
    city: Schema.Attribute.Relation<'manyToOne', 'api::settings.city'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    gender: Schema.Attribute.Enumeration<['male', 'female', 'unknown']> &
      Schema.Attribute.DefaultTo<'unknown'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::people.customer-profile'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    note: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 1000;
      }>;
    preferences: Schema.Attribute.Component<'people.preferences', false>;
    publishedAt: Schema.Attribute.DateTime;
    tags: Schema.Attribute.Component<'catalog.tag', true>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'oneToOne',
      'plugin::users-permissions.user'
    >;
  };
}

export interface ApiPeopleFavourite extends Struct.CollectionTypeSchema {
  collectionName: 'favourites';
  info: {
    description: '\u4F1A\u5458\u6536\u85CF\u7684\u5E08\u5085\u4E0E\u670D\u52A1\u9879\u76EE\uFF1B\u6BCF\u4F4D\u4F1A\u5458\u5BF9\u540C\u4E00\u76EE\u6807\u53EA\u6709\u4E00\u6761';
    displayName: '\u4F1A\u5458\u6536\u85CF';
    pluralName: 'favourites';
    singularName: 'favourite';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    kind: Schema.Attribute.Enumeration<['worker', 'item']> &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::people.favourite'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    targetId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    userRef: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface ApiPeopleWorker extends Struct.CollectionTypeSchema {
  collectionName: 'workers';
  info: {
    description: '\u5E08\u5085\u6863\u6848\uFF1A\u8EAB\u4EFD\u3001\u6280\u80FD\u3001\u8BC1\u4E66\u3001\u7ECF\u9A8C\u3001\u670D\u52A1\u8303\u56F4\u3001\u5BA1\u6838\u4E0E\u8BC4\u5206';
    displayName: '\u670D\u52A1\u4EBA\u5458';
    pluralName: 'workers';
    singularName: 'worker';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    acceptingOrders: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<true>;
    auditLog: Schema.Attribute.Component<'people.audit-entry', true> &
      Schema.Attribute.Private;
    auditStatus: Schema.Attribute.Enumeration<
      ['pending', 'approved', 'rejected']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending'>;
    availability: Schema.Attribute.Component<'people.time-window', true>;
    bio: Schema.Attribute.Text &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    birthYear: Schema.Attribute.Integer &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          max: 2010;
          min: 1940;
        },
        number
      >;
    certificates: Schema.Attribute.Component<'people.certificate', true>;
    city: Schema.Attribute.Relation<'manyToOne', 'api::settings.city'>;
    completedOrders: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    employment: Schema.Attribute.Enumeration<
      ['active', 'suspended', 'resigned']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'active'>;
    experienceYears: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 60;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    gender: Schema.Attribute.Enumeration<['male', 'female']> &
      Schema.Attribute.Required;
    homeLat: Schema.Attribute.Float &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          max: 90;
          min: -90;
        },
        number
      >;
    homeLng: Schema.Attribute.Float &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          max: 180;
          min: -180;
        },
        number
      >;
    idCardImages: Schema.Attribute.Media<'images' | 'files', true> &
      Schema.Attribute.Private;
    idNumber: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 18;
      }>;
    idVerified: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    leave: Schema.Attribute.Component<'people.leave', true>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::people.worker'
    > &
      Schema.Attribute.Private;
    maxOrdersPerDay: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 20;
          min: 1;
        },
        number
      >;
    photo: Schema.Attribute.Media<'images'>;
    publishedAt: Schema.Attribute.DateTime;
    rating: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    ratingAttitude: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    ratingQuality: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    ratingSkill: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          max: 5;
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<5>;
    ratingSumAttitude: Schema.Attribute.Integer &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    ratingSumQuality: Schema.Attribute.Integer &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    ratingSumSkill: Schema.Attribute.Integer &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    realName: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    reviewCount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    searchIndex: Schema.Attribute.Text & Schema.Attribute.Private;
    serviceRadiusMeters: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100000;
          min: 500;
        },
        number
      > &
      Schema.Attribute.DefaultTo<10000>;
    skills: Schema.Attribute.Component<'people.worker-skill', true>;
    suspendedReason: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    user: Schema.Attribute.Relation<
      'oneToOne',
      'plugin::users-permissions.user'
    >;
    workHistory: Schema.Attribute.Component<'people.work-history', true> &
      Schema.Attribute.Private;
  };
}

export interface ApiSettingsCity extends Struct.CollectionTypeSchema {
  collectionName: 'cities';
  info: {
    description: '\u6309\u9AD8\u5FB7\u884C\u653F\u533A\u5212 adcode \u6807\u8BC6\u7684\u57CE\u5E02';
    displayName: '\u5F00\u901A\u57CE\u5E02';
    pluralName: 'cities';
    singularName: 'city';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    adcode: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    averageSpeedKmh: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<25>;
    centerLat: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 90;
          min: -90;
        },
        number
      >;
    centerLng: Schema.Attribute.Float &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          max: 180;
          min: -180;
        },
        number
      >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::settings.city'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    sort: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiSettingsCityOperator extends Struct.CollectionTypeSchema {
  collectionName: 'city_operators';
  info: {
    description: '\u7BA1\u7406\u5458\u8D26\u53F7\uFF08\u90AE\u7BB1\uFF09\u53EF\u7BA1\u7406\u7684\u57CE\u5E02\uFF1B\u57CE\u5E02\u8FD0\u8425\u89D2\u8272\u53EA\u80FD\u770B\u5230\u8FD9\u4E9B\u57CE\u5E02\u7684\u6570\u636E';
    displayName: '\u57CE\u5E02\u8FD0\u8425\u6388\u6743';
    pluralName: 'city-operators';
    singularName: 'city-operator';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    adminEmail: Schema.Attribute.Email &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    adminUserId: Schema.Attribute.Integer &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    cities: Schema.Attribute.Relation<'manyToMany', 'api::settings.city'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::settings.city-operator'
    > &
      Schema.Attribute.Private;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiSettingsMessageTemplate
  extends Struct.CollectionTypeSchema {
  collectionName: 'message_templates';
  info: {
    description: '\u77ED\u4FE1\u3001\u5FAE\u4FE1\u4E0E\u7AD9\u5185\u901A\u77E5\u6A21\u677F\uFF0C\u6B63\u6587\u7528 {\u53D8\u91CF} \u5360\u4F4D';
    displayName: '\u6D88\u606F\u6A21\u677F';
    pluralName: 'message-templates';
    singularName: 'message-template';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    active: Schema.Attribute.Boolean &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<true>;
    channel: Schema.Attribute.Enumeration<['sms', 'wechat', 'in_app']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'sms'>;
    code: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    content: Schema.Attribute.Text &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 500;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::settings.message-template'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    providerTemplateId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 100;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    signName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface ApiSettingsPlatformSetting extends Struct.SingleTypeSchema {
  collectionName: 'platform_settings';
  info: {
    description: '\u6D3E\u5355\u89C4\u5219\u3001\u53D6\u6D88\u653F\u7B56\u3001\u4F63\u91D1\u3001\u8BC4\u4EF7\u6807\u51C6\u3001\u79EF\u5206\u89C4\u5219\u4E0E\u8425\u4E1A\u65F6\u95F4';
    displayName: '\u5E73\u53F0\u53C2\u6570';
    pluralName: 'platform-settings';
    singularName: 'platform-setting';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    i18n: {
      localized: false;
    };
  };
  attributes: {
    behaviour: Schema.Attribute.Component<'settings.behaviour-rules', false>;
    booking: Schema.Attribute.Component<'settings.booking-rules', false>;
    businessHours: Schema.Attribute.Component<'settings.business-hours', false>;
    cancellationPolicy: Schema.Attribute.Component<
      'settings.cancellation-rule',
      true
    >;
    categoryCommissions: Schema.Attribute.Component<
      'settings.category-commission',
      true
    >;
    commission: Schema.Attribute.Component<'settings.commission', false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    dispatch: Schema.Attribute.Component<'settings.dispatch-rules', false>;
    dispatchModes: Schema.Attribute.Component<
      'settings.dispatch-mode-rule',
      true
    >;
    exceptions: Schema.Attribute.Component<'settings.exception-rules', false>;
    feedback: Schema.Attribute.Component<'settings.feedback-rules', false>;
    levelCommissions: Schema.Attribute.Component<
      'settings.level-commission',
      true
    >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'api::settings.platform-setting'
    > &
      Schema.Attribute.Private;
    points: Schema.Attribute.Component<'settings.points-rules', false>;
    publishedAt: Schema.Attribute.DateTime;
    rating: Schema.Attribute.Component<'settings.rating-standard', false>;
    settlement: Schema.Attribute.Component<'settings.settlement-rules', false>;
    sms: Schema.Attribute.Component<'settings.sms-limits', false>;
    timezone: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'Asia/Shanghai'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginContentReleasesRelease
  extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_releases';
  info: {
    displayName: 'Release';
    pluralName: 'releases';
    singularName: 'release';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    actions: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::content-releases.release-action'
    >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::content-releases.release'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    releasedAt: Schema.Attribute.DateTime;
    scheduledAt: Schema.Attribute.DateTime;
    status: Schema.Attribute.Enumeration<
      ['ready', 'blocked', 'failed', 'done', 'empty']
    > &
      Schema.Attribute.Required;
    timezone: Schema.Attribute.String;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginContentReleasesReleaseAction
  extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_release_actions';
  info: {
    displayName: 'Release Action';
    pluralName: 'release-actions';
    singularName: 'release-action';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentType: Schema.Attribute.String & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    entryDocumentId: Schema.Attribute.String;
    isEntryValid: Schema.Attribute.Boolean;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::content-releases.release-action'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    release: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::content-releases.release'
    >;
    type: Schema.Attribute.Enumeration<['publish', 'unpublish']> &
      Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginDispatchDispatchOffer
  extends Struct.CollectionTypeSchema {
  collectionName: 'dispatch_offers';
  info: {
    description: '\u6D3E\u7ED9\u5E08\u5085\u6216\u63A8\u9001\u62A2\u5355\u7684\u6BCF\u4E00\u6B21\u9080\u8BF7\u53CA\u5176\u7ED3\u679C';
    displayName: '\u6D3E\u5355\u8BB0\u5F55';
    pluralName: 'dispatch-offers';
    singularName: 'dispatch-offer';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    breakdown: Schema.Attribute.JSON;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    distanceMeters: Schema.Attribute.Integer;
    expiresAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::dispatch.dispatch-offer'
    > &
      Schema.Attribute.Private;
    mode: Schema.Attribute.Enumeration<
      ['recommend', 'assign', 'grab', 'batch', 'manual']
    > &
      Schema.Attribute.Required;
    offeredAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    offerState: Schema.Attribute.Enumeration<
      ['open', 'accepted', 'rejected', 'expired', 'withdrawn']
    > &
      Schema.Attribute.Required;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    orderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    respondedAt: Schema.Attribute.DateTime;
    round: Schema.Attribute.Integer & Schema.Attribute.Required;
    score: Schema.Attribute.Float;
    taskId: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
    workerUserId: Schema.Attribute.Integer;
  };
}

export interface PluginDispatchDispatchTask
  extends Struct.CollectionTypeSchema {
  collectionName: 'dispatch_tasks';
  info: {
    description: '\u6BCF\u4E2A\u5F85\u63A5\u5355\u8BA2\u5355\u7684\u6D3E\u5355\u8FDB\u5EA6\uFF1A\u6A21\u5F0F\u3001\u8F6E\u6B21\u3001\u72B6\u6001';
    displayName: '\u6D3E\u5355\u4EFB\u52A1';
    pluralName: 'dispatch-tasks';
    singularName: 'dispatch-task';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    categorySlug: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    escalatedAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::dispatch.dispatch-task'
    > &
      Schema.Attribute.Private;
    mode: Schema.Attribute.Enumeration<
      ['recommend', 'assign', 'grab', 'batch', 'manual']
    > &
      Schema.Attribute.Required;
    note: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    orderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    round: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<1>;
    scheduledAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    taskState: Schema.Attribute.Enumeration<
      ['offering', 'waiting_batch', 'escalated', 'assigned', 'closed']
    > &
      Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    version: Schema.Attribute.Integer & Schema.Attribute.DefaultTo<0>;
  };
}

export interface PluginDispatchOpsAlert extends Struct.CollectionTypeSchema {
  collectionName: 'dispatch_alerts';
  info: {
    description: '\u6D3E\u5355\u65E0\u4EBA\u63A5\u3001\u65E0\u53EF\u7528\u5E08\u5085\u3001\u8D85\u65F6\u5173\u95ED\u7B49\u9700\u8981\u8FD0\u8425\u5904\u7406\u7684\u63D0\u9192';
    displayName: '\u8C03\u5EA6\u63D0\u9192';
    pluralName: 'ops-alerts';
    singularName: 'ops-alert';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    kind: Schema.Attribute.Enumeration<
      ['no_candidates', 'no_acceptance', 'manual', 'closed_unaccepted']
    > &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::dispatch.ops-alert'
    > &
      Schema.Attribute.Private;
    message: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    orderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    resolvedAt: Schema.Attribute.DateTime;
    resolvedBy: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginDispatchWorkerBlock extends Struct.CollectionTypeSchema {
  collectionName: 'dispatch_worker_blocks';
  info: {
    description: '\u4F1A\u5458\u4E0D\u5E0C\u671B\u518D\u6D3E\u7ED9\u81EA\u5DF1\u7684\u5E08\u5085';
    displayName: '\u5C4F\u853D\u7684\u5E08\u5085';
    pluralName: 'worker-blocks';
    singularName: 'worker-block';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::dispatch.worker-block'
    > &
      Schema.Attribute.Private;
    memberId: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginI18NLocale extends Struct.CollectionTypeSchema {
  collectionName: 'i18n_locale';
  info: {
    collectionName: 'locales';
    description: '';
    displayName: 'Locale';
    pluralName: 'locales';
    singularName: 'locale';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    code: Schema.Attribute.String & Schema.Attribute.Unique;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::i18n.locale'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.SetMinMax<
        {
          max: 50;
          min: 1;
        },
        number
      >;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginImConversation extends Struct.CollectionTypeSchema {
  collectionName: 'im_conversations';
  info: {
    description: '\u8BA2\u5355\u4F1A\u8BDD\uFF08\u4F1A\u5458\u4E0E\u5E08\u5085\uFF09\u548C\u5BA2\u670D\u4F1A\u8BDD\uFF1B\u6BCF\u4E2A\u5E2D\u4F4D\u7684\u5DF2\u8BFB\u6807\u8BB0';
    displayName: '\u4F1A\u8BDD';
    pluralName: 'conversations';
    singularName: 'conversation';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    conversationKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    kind: Schema.Attribute.Enumeration<['order', 'support']> &
      Schema.Attribute.Required;
    lastMessageAt: Schema.Attribute.DateTime;
    lastMessageId: Schema.Attribute.Integer;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::im.conversation'
    > &
      Schema.Attribute.Private;
    memberId: Schema.Attribute.Integer & Schema.Attribute.Required;
    memberReadUpTo: Schema.Attribute.Integer;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    status: Schema.Attribute.Enumeration<['open', 'closed']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'open'>;
    supportReadUpTo: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerReadUpTo: Schema.Attribute.Integer;
    workerUserId: Schema.Attribute.Integer;
  };
}

export interface PluginImMessage extends Struct.CollectionTypeSchema {
  collectionName: 'im_messages';
  info: {
    description: '\u4F1A\u8BDD\u4E2D\u7684\u6587\u5B57\u3001\u56FE\u7247\u3001\u4F4D\u7F6E\u548C\u7CFB\u7EDF\u6D88\u606F';
    displayName: '\u4F1A\u8BDD\u6D88\u606F';
    pluralName: 'messages';
    singularName: 'message';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    clientMsgId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    content: Schema.Attribute.JSON & Schema.Attribute.Required;
    conversationId: Schema.Attribute.Integer & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    dedupeKey: Schema.Attribute.String &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::im.message'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    senderId: Schema.Attribute.Integer;
    senderRole: Schema.Attribute.Enumeration<
      ['member', 'worker', 'support', 'system']
    > &
      Schema.Attribute.Required;
    type: Schema.Attribute.Enumeration<
      ['text', 'image', 'location', 'system']
    > &
      Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginOrdersOrder extends Struct.CollectionTypeSchema {
  collectionName: 'orders';
  info: {
    description: '\u4F1A\u5458\u9884\u7EA6\u7684\u670D\u52A1\u8BA2\u5355\uFF08\u91D1\u989D\u5355\u4F4D\uFF1A\u5206\uFF09';
    displayName: '\u8BA2\u5355';
    pluralName: 'orders';
    singularName: 'order';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    acceptedAt: Schema.Attribute.DateTime;
    address: Schema.Attribute.Relation<'manyToOne', 'api::people.address'>;
    addressSnapshot: Schema.Attribute.JSON & Schema.Attribute.Required;
    arrivedAt: Schema.Attribute.DateTime;
    autoConfirmAt: Schema.Attribute.DateTime;
    balanceDue: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    cancellationFee: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    cancelledAt: Schema.Attribute.DateTime;
    cancelledBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    cancelReason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    category: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-category'
    >;
    children: Schema.Attribute.Relation<'oneToMany', 'plugin::orders.order'>;
    city: Schema.Attribute.Relation<'manyToOne', 'api::settings.city'>;
    completedAt: Schema.Attribute.DateTime;
    confirmedAt: Schema.Attribute.DateTime;
    confirmedBy: Schema.Attribute.Enumeration<['member', 'system', 'operator']>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    departedAt: Schema.Attribute.DateTime;
    deposit: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    discount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    durationMinutes: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 15;
        },
        number
      >;
    events: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::orders.order-event'
    >;
    idempotencyExpiresAt: Schema.Attribute.DateTime & Schema.Attribute.Private;
    idempotencyHash: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    idempotencyScope: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    instant: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    itemSnapshot: Schema.Attribute.JSON & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::orders.order'
    > &
      Schema.Attribute.Private;
    member: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.user'
    >;
    memberId: Schema.Attribute.Integer & Schema.Attribute.Required;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    orderStatus: Schema.Attribute.Enumeration<
      [
        'pending_payment',
        'pending_acceptance',
        'accepted',
        'on_the_way',
        'arrived',
        'in_service',
        'paused',
        'pending_final_payment',
        'completed',
        'cancelled',
      ]
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending_payment'>;
    packageCode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    paid: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    paidAt: Schema.Attribute.DateTime;
    parent: Schema.Attribute.Relation<'manyToOne', 'plugin::orders.order'>;
    paymentMode: Schema.Attribute.Enumeration<['full', 'deposit']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'full'>;
    pointsDeduction: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    pointsUsed: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    preferredWorker: Schema.Attribute.Relation<
      'manyToOne',
      'api::people.worker'
    >;
    publishedAt: Schema.Attribute.DateTime;
    quantity: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    recurrence: Schema.Attribute.JSON;
    refunded: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    refundPending: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    requirements: Schema.Attribute.JSON;
    scheduledAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    serviceItem: Schema.Attribute.Relation<
      'manyToOne',
      'api::catalog.service-item'
    >;
    source: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }> &
      Schema.Attribute.DefaultTo<'h5'>;
    startedAt: Schema.Attribute.DateTime;
    subtotal: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    total: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    userCoupon: Schema.Attribute.Relation<
      'manyToOne',
      'api::marketing.user-coupon'
    >;
    worker: Schema.Attribute.Relation<'manyToOne', 'api::people.worker'>;
  };
}

export interface PluginOrdersOrderEvent extends Struct.CollectionTypeSchema {
  collectionName: 'order_events';
  info: {
    description: '\u8BA2\u5355\u72B6\u6001\u53D8\u5316\u7684\u65F6\u95F4\u7EBF\uFF08\u53EA\u589E\u4E0D\u6539\uFF09';
    displayName: '\u8BA2\u5355\u65E5\u5FD7';
    pluralName: 'order-events';
    singularName: 'order-event';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    actorId: Schema.Attribute.Integer;
    actorType: Schema.Attribute.Enumeration<
      ['member', 'worker', 'operator', 'system']
    > &
      Schema.Attribute.Required;
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    data: Schema.Attribute.JSON;
    event: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    fromStatus: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::orders.order-event'
    > &
      Schema.Attribute.Private;
    order: Schema.Attribute.Relation<'manyToOne', 'plugin::orders.order'>;
    orderRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    reason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    toStatus: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 30;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginOrdersWorkerSlot extends Struct.CollectionTypeSchema {
  collectionName: 'worker_slots';
  info: {
    description: '\u63A5\u5355\u65F6\u6309 30 \u5206\u949F\u5360\u7528\u5E08\u5085\u7684\u65F6\u95F4\uFF1B(\u5E08\u5085, \u65F6\u6BB5) \u552F\u4E00\uFF0C\u675C\u7EDD\u91CD\u590D\u63A5\u5355';
    displayName: '\u5E08\u5085\u5360\u7528\u65F6\u6BB5';
    pluralName: 'worker-slots';
    singularName: 'worker-slot';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::orders.worker-slot'
    > &
      Schema.Attribute.Private;
    orderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    slotKey: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginPaymentsChannelNotice
  extends Struct.CollectionTypeSchema {
  collectionName: 'payment_channel_notices';
  info: {
    description: '\u9A8C\u7B7E\u901A\u8FC7\u4F46\u5BF9\u4E0D\u4E0A\u6211\u65B9\u8BB0\u5F55\u7684\u6E20\u9053\u901A\u77E5\uFF08\u5982\u5546\u6237\u5E73\u53F0\u53D1\u8D77\u7684\u9000\u6B3E\uFF09\uFF0C\u7559\u5F85\u8D22\u52A1\u6838\u5BF9';
    displayName: '\u6E20\u9053\u901A\u77E5\u5F85\u6838\u67E5';
    pluralName: 'channel-notices';
    singularName: 'channel-notice';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    amount: Schema.Attribute.Integer;
    channel: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    channelStatus: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    kind: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::payments.channel-notice'
    > &
      Schema.Attribute.Private;
    outRefundNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    outTradeNo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    raw: Schema.Attribute.JSON;
    reviewReason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    reviewStatus: Schema.Attribute.Enumeration<['open', 'resolved']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'open'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginPaymentsPayment extends Struct.CollectionTypeSchema {
  collectionName: 'payments';
  info: {
    description: '\u6BCF\u4E00\u7B14\u652F\u4ED8\u8BF7\u6C42\u53CA\u6E20\u9053\u56DE\u8C03\u7ED3\u679C\uFF08\u91D1\u989D\u5355\u4F4D\uFF1A\u5206\uFF09';
    displayName: '\u652F\u4ED8\u6D41\u6C34';
    pluralName: 'payments';
    singularName: 'payment';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    amount: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    channel: Schema.Attribute.Enumeration<
      ['wechat', 'alipay', 'unionpay', 'balance', 'sandbox']
    > &
      Schema.Attribute.Required;
    channelTxKey: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    clientType: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 12;
      }>;
    closedAt: Schema.Attribute.DateTime;
    closeRequestedAt: Schema.Attribute.DateTime;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    expiresAt: Schema.Attribute.DateTime;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::payments.payment'
    > &
      Schema.Attribute.Private;
    memberId: Schema.Attribute.Integer & Schema.Attribute.Required;
    order: Schema.Attribute.Relation<'manyToOne', 'plugin::orders.order'>;
    orderRef: Schema.Attribute.Integer;
    outTradeNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 32;
      }>;
    paidAt: Schema.Attribute.DateTime;
    params: Schema.Attribute.JSON & Schema.Attribute.Private;
    paymentStatus: Schema.Attribute.Enumeration<
      ['created', 'paid', 'closed', 'refunded', 'partially_refunded', 'review']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'created'>;
    publishedAt: Schema.Attribute.DateTime;
    rawNotification: Schema.Attribute.JSON;
    refundedAmount: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      > &
      Schema.Attribute.DefaultTo<0>;
    refunds: Schema.Attribute.Relation<'oneToMany', 'plugin::payments.refund'>;
    reviewReason: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    stage: Schema.Attribute.Enumeration<['full', 'deposit', 'final', 'topup']> &
      Schema.Attribute.Required;
    transactionId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginPaymentsRefund extends Struct.CollectionTypeSchema {
  collectionName: 'payment_refunds';
  info: {
    description: '\u6309\u539F\u652F\u4ED8\u6E20\u9053\u9000\u56DE\u7684\u6B3E\u9879\uFF08\u91D1\u989D\u5355\u4F4D\uFF1A\u5206\uFF09';
    displayName: '\u9000\u6B3E\u8BB0\u5F55';
    pluralName: 'refunds';
    singularName: 'refund';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    amount: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    channelReference: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    channelRefundId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    channelRefundKey: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    completedAt: Schema.Attribute.DateTime;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::payments.refund'
    > &
      Schema.Attribute.Private;
    operatorId: Schema.Attribute.Integer;
    orderRef: Schema.Attribute.Integer;
    outRefundNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    payment: Schema.Attribute.Relation<'manyToOne', 'plugin::payments.payment'>;
    paymentRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    raw: Schema.Attribute.JSON;
    reason: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    refundStatus: Schema.Attribute.Enumeration<
      ['pending', 'processing', 'success', 'failed', 'abnormal']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending'>;
    requestedBy: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    sentAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflow
  extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows';
  info: {
    description: '';
    displayName: 'Workflow';
    name: 'Workflow';
    pluralName: 'workflows';
    singularName: 'workflow';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    contentTypes: Schema.Attribute.JSON &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'[]'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::review-workflows.workflow'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    stageRequiredToPublish: Schema.Attribute.Relation<
      'oneToOne',
      'plugin::review-workflows.workflow-stage'
    >;
    stages: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::review-workflows.workflow-stage'
    >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginReviewWorkflowsWorkflowStage
  extends Struct.CollectionTypeSchema {
  collectionName: 'strapi_workflows_stages';
  info: {
    description: '';
    displayName: 'Stages';
    name: 'Workflow Stage';
    pluralName: 'workflow-stages';
    singularName: 'workflow-stage';
  };
  options: {
    draftAndPublish: false;
    version: '1.1.0';
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    color: Schema.Attribute.String & Schema.Attribute.DefaultTo<'#4945FF'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::review-workflows.workflow-stage'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String;
    permissions: Schema.Attribute.Relation<'manyToMany', 'admin::permission'>;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workflow: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::review-workflows.workflow'
    >;
  };
}

export interface PluginSettlementJournalEntry
  extends Struct.CollectionTypeSchema {
  collectionName: 'journal_entries';
  info: {
    description: '\u590D\u5F0F\u8BB0\u8D26\u51ED\u8BC1\uFF1A\u6BCF\u5F20\u51ED\u8BC1\u7684\u5206\u5F55\u501F\u8D37\u76F8\u52A0\u4E3A\u96F6\uFF08\u53EA\u589E\u4E0D\u6539\uFF09';
    displayName: '\u8BB0\u8D26\u51ED\u8BC1';
    pluralName: 'journal-entries';
    singularName: 'journal-entry';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    kind: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    lines: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.journal-line'
    >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.journal-entry'
    > &
      Schema.Attribute.Private;
    memo: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    publishedAt: Schema.Attribute.DateTime;
    ref: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginSettlementJournalLine
  extends Struct.CollectionTypeSchema {
  collectionName: 'journal_lines';
  info: {
    description: '\u501F\u65B9\u4E3A\u6B63\u3001\u8D37\u65B9\u4E3A\u8D1F\uFF0C\u5355\u4F4D\uFF1A\u5206';
    displayName: '\u8BB0\u8D26\u5206\u5F55';
    pluralName: 'journal-lines';
    singularName: 'journal-line';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    account: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 80;
      }>;
    amount: Schema.Attribute.Integer & Schema.Attribute.Required;
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    entry: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::settlement.journal-entry'
    >;
    entryRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.journal-line'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginSettlementSettlementBatch
  extends Struct.CollectionTypeSchema {
  collectionName: 'settlement_batches';
  info: {
    description: '\u4E00\u4E2A\u7ED3\u7B97\u5468\u671F\uFF08\u5317\u4EAC\u65F6\u95F4\uFF09\u7ED3\u675F\u540E\u751F\u6210\u7684\u5E08\u5085\u7ED3\u7B97\u6279\u6B21\uFF1A\u8D22\u52A1\u5BA1\u6838\u540E\u9010\u5355\u4ED8\u6B3E\uFF1B\u91D1\u989D\u5355\u4F4D\uFF1A\u5206';
    displayName: '\u7ED3\u7B97\u6279\u6B21';
    pluralName: 'settlement-batches';
    singularName: 'settlement-batch';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    adjustments: Schema.Attribute.Integer & Schema.Attribute.Required;
    batchNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    batchStatus: Schema.Attribute.Enumeration<
      ['pending_review', 'approved', 'paid', 'rejected']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending_review'>;
    builtAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    commission: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    cycle: Schema.Attribute.Enumeration<['daily', 'weekly', 'monthly']> &
      Schema.Attribute.Required;
    gross: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.settlement-batch'
    > &
      Schema.Attribute.Private;
    net: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    paidAt: Schema.Attribute.DateTime;
    periodEnd: Schema.Attribute.DateTime & Schema.Attribute.Required;
    periodKey: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    periodStart: Schema.Attribute.DateTime & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    reviewedAt: Schema.Attribute.DateTime;
    reviewedBy: Schema.Attribute.Integer;
    reviewNote: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerCount: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
  };
}

export interface PluginSettlementSettlementPayout
  extends Struct.CollectionTypeSchema {
  collectionName: 'settlement_payouts';
  info: {
    description: '\u4E00\u5F20\u7ED3\u7B97\u5355\u7684\u4ED8\u6B3E\uFF1A\u7EBF\u4E0B\u8F6C\u8D26\u3001\u94F6\u884C\u6279\u91CF\u4EE3\u53D1\u3001\u5FAE\u4FE1\u5546\u5BB6\u8F6C\u8D26\u6216\u6C99\u7BB1\uFF1B\u5230\u8D26\u540E\u8BB0\u8D26\uFF08\u5E94\u4ED8\u5E08\u5085\u6B3E \u2192 \u73B0\u91D1\uFF09';
    displayName: '\u7ED3\u7B97\u4ED8\u6B3E';
    pluralName: 'settlement-payouts';
    singularName: 'settlement-payout';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    amount: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    batchRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.settlement-payout'
    > &
      Schema.Attribute.Private;
    method: Schema.Attribute.Enumeration<
      ['manual', 'bank-file', 'wechat', 'sandbox']
    > &
      Schema.Attribute.Required;
    operatorId: Schema.Attribute.Integer;
    paidAt: Schema.Attribute.DateTime;
    payoutNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    payoutStatus: Schema.Attribute.Enumeration<
      ['processing', 'paid', 'failed']
    > &
      Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    raw: Schema.Attribute.JSON;
    reference: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    statementRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginSettlementSettlementStatement
  extends Struct.CollectionTypeSchema {
  collectionName: 'settlement_statements';
  info: {
    description: '\u7ED3\u7B97\u6279\u6B21\u4E2D\u4E00\u4F4D\u5E08\u5085\u7684\u7ED3\u7B97\u5355\uFF1A\u8BA2\u5355\u6570\u3001\u5E94\u6536\u3001\u4F63\u91D1\u3001\u8C03\u6574\u4E0E\u5B9E\u4ED8\uFF08\u5206\uFF09\uFF1B\u5B9E\u4ED8 + \u4F63\u91D1 = \u5E94\u6536 + \u8C03\u6574';
    displayName: '\u5E08\u5085\u7ED3\u7B97\u5355';
    pluralName: 'settlement-statements';
    singularName: 'settlement-statement';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    adjustments: Schema.Attribute.Integer & Schema.Attribute.Required;
    batchNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    batchRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    commission: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    gross: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.settlement-statement'
    > &
      Schema.Attribute.Private;
    net: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    orderCount: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    orderNos: Schema.Attribute.JSON;
    paidAt: Schema.Attribute.DateTime;
    publishedAt: Schema.Attribute.DateTime;
    statementNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    statementStatus: Schema.Attribute.Enumeration<
      ['pending_review', 'approved', 'paid', 'rejected']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'pending_review'>;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerDocumentId: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
    workerName: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 60;
      }>;
  };
}

export interface PluginSettlementWorkerEarning
  extends Struct.CollectionTypeSchema {
  collectionName: 'worker_earnings';
  info: {
    description: '\u8BA2\u5355\u5B8C\u6210\uFF08\u6216\u53D6\u6D88\u8D39\u5206\u6210\uFF09\u8BB0\u5165\u7684\u5E08\u5085\u5E94\u5F97\u6536\u5165\uFF1B\u91D1\u989D\u5355\u4F4D\uFF1A\u5206\uFF08\u53EA\u589E\u4E0D\u6539\uFF0C\u7ED3\u7B97\u6279\u6B21\u4ED8\u6B3E\u540E\u8BB0\u7ED3\u7B97\u65F6\u95F4\uFF09';
    displayName: '\u5E08\u5085\u6536\u5165';
    pluralName: 'worker-earnings';
    singularName: 'worker-earning';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: true;
    };
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    awaitingConfirmation: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<false>;
    city: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    commission: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    commissionPercent: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 100;
          min: 0;
        },
        number
      >;
    confirmedAt: Schema.Attribute.DateTime;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    earnedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    gross: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    kind: Schema.Attribute.Enumeration<['service', 'cancellation']> &
      Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::settlement.worker-earning'
    > &
      Schema.Attribute.Private;
    net: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    orderNo: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 24;
      }>;
    orderRef: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    ref: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 120;
      }>;
    settleableAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    settledAt: Schema.Attribute.DateTime;
    settlementRef: Schema.Attribute.Integer;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginTrackingLocationSample
  extends Struct.CollectionTypeSchema {
  collectionName: 'tracking_location_samples';
  info: {
    description: '\u5E08\u5085\u51FA\u53D1\u540E\u4E0A\u62A5\u7684\u4F4D\u7F6E\uFF0C\u6BCF\u5355\u7EA6\u6BCF 30 \u79D2\u4FDD\u7559\u4E00\u4E2A\u70B9';
    displayName: '\u4E0A\u95E8\u8F68\u8FF9';
    pluralName: 'location-samples';
    singularName: 'location-sample';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-type-builder': {
      visible: false;
    };
    i18n: {
      localized: false;
    };
  };
  attributes: {
    accuracy: Schema.Attribute.Float;
    at: Schema.Attribute.DateTime & Schema.Attribute.Required;
    cityAdcode: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 6;
      }>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    distanceMeters: Schema.Attribute.Integer;
    etaSeconds: Schema.Attribute.Integer;
    lat: Schema.Attribute.Float & Schema.Attribute.Required;
    lng: Schema.Attribute.Float & Schema.Attribute.Required;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::tracking.location-sample'
    > &
      Schema.Attribute.Private;
    orderDocumentId: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 64;
      }>;
    orderId: Schema.Attribute.Integer & Schema.Attribute.Required;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    workerId: Schema.Attribute.Integer & Schema.Attribute.Required;
  };
}

export interface PluginUploadFile extends Struct.CollectionTypeSchema {
  collectionName: 'files';
  info: {
    description: '';
    displayName: 'File';
    pluralName: 'files';
    singularName: 'file';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    alternativeText: Schema.Attribute.Text;
    caption: Schema.Attribute.Text;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    ext: Schema.Attribute.String;
    focalPoint: Schema.Attribute.JSON;
    folder: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'> &
      Schema.Attribute.Private;
    folderPath: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    formats: Schema.Attribute.JSON;
    hash: Schema.Attribute.String & Schema.Attribute.Required;
    height: Schema.Attribute.Integer;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::upload.file'
    > &
      Schema.Attribute.Private;
    mime: Schema.Attribute.String & Schema.Attribute.Required;
    name: Schema.Attribute.String & Schema.Attribute.Required;
    previewUrl: Schema.Attribute.Text;
    provider: Schema.Attribute.String & Schema.Attribute.Required;
    provider_metadata: Schema.Attribute.JSON;
    publishedAt: Schema.Attribute.DateTime;
    related: Schema.Attribute.Relation<'morphToMany'>;
    size: Schema.Attribute.Decimal & Schema.Attribute.Required;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    url: Schema.Attribute.Text & Schema.Attribute.Required;
    width: Schema.Attribute.Integer;
  };
}

export interface PluginUploadFolder extends Struct.CollectionTypeSchema {
  collectionName: 'upload_folders';
  info: {
    displayName: 'Folder';
    pluralName: 'folders';
    singularName: 'folder';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    children: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.folder'>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    files: Schema.Attribute.Relation<'oneToMany', 'plugin::upload.file'>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::upload.folder'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    parent: Schema.Attribute.Relation<'manyToOne', 'plugin::upload.folder'>;
    path: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 1;
      }>;
    pathId: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.Unique;
    publishedAt: Schema.Attribute.DateTime;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginUsersPermissionsPermission
  extends Struct.CollectionTypeSchema {
  collectionName: 'up_permissions';
  info: {
    description: '';
    displayName: 'Permission';
    name: 'permission';
    pluralName: 'permissions';
    singularName: 'permission';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    action: Schema.Attribute.String & Schema.Attribute.Required;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::users-permissions.permission'
    > &
      Schema.Attribute.Private;
    publishedAt: Schema.Attribute.DateTime;
    role: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.role'
    >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
  };
}

export interface PluginUsersPermissionsRole
  extends Struct.CollectionTypeSchema {
  collectionName: 'up_roles';
  info: {
    description: '';
    displayName: 'Role';
    name: 'role';
    pluralName: 'roles';
    singularName: 'role';
  };
  options: {
    draftAndPublish: false;
  };
  pluginOptions: {
    'content-manager': {
      visible: false;
    };
    'content-type-builder': {
      visible: false;
    };
  };
  attributes: {
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    description: Schema.Attribute.String;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::users-permissions.role'
    > &
      Schema.Attribute.Private;
    name: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 3;
      }>;
    permissions: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::users-permissions.permission'
    >;
    publishedAt: Schema.Attribute.DateTime;
    type: Schema.Attribute.String & Schema.Attribute.Unique;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    users: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::users-permissions.user'
    >;
  };
}

export interface PluginUsersPermissionsUser
  extends Struct.CollectionTypeSchema {
  collectionName: 'up_users';
  info: {
    description: '\u4F1A\u5458\u4E0E\u5E08\u5085\u8D26\u53F7';
    displayName: '\u7528\u6237';
    name: 'user';
    pluralName: 'users';
    singularName: 'user';
  };
  options: {
    draftAndPublish: false;
    timestamps: true;
  };
  attributes: {
    avatar: Schema.Attribute.Media<'images'>;
    blocked: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    confirmationToken: Schema.Attribute.String & Schema.Attribute.Private;
    confirmed: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    createdAt: Schema.Attribute.DateTime;
    createdBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    email: Schema.Attribute.Email &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    locale: Schema.Attribute.String & Schema.Attribute.Private;
    localizations: Schema.Attribute.Relation<
      'oneToMany',
      'plugin::users-permissions.user'
    > &
      Schema.Attribute.Private;
    nickname: Schema.Attribute.String &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 40;
      }>;
    password: Schema.Attribute.Password &
      Schema.Attribute.Private &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 6;
      }>;
    phone: Schema.Attribute.String &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 20;
      }>;
    provider: Schema.Attribute.String;
    publishedAt: Schema.Attribute.DateTime;
    resetPasswordToken: Schema.Attribute.String & Schema.Attribute.Private;
    role: Schema.Attribute.Relation<
      'manyToOne',
      'plugin::users-permissions.role'
    >;
    updatedAt: Schema.Attribute.DateTime;
    updatedBy: Schema.Attribute.Relation<'oneToOne', 'admin::user'> &
      Schema.Attribute.Private;
    username: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.Unique &
      Schema.Attribute.SetMinMaxLength<{
        minLength: 3;
      }>;
    wechatOpenId: Schema.Attribute.String &
      Schema.Attribute.Private &
      Schema.Attribute.Unique;
    wechatUnionId: Schema.Attribute.String & Schema.Attribute.Private;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ContentTypeSchemas {
      'admin::api-token': AdminApiToken;
      'admin::api-token-permission': AdminApiTokenPermission;
      'admin::permission': AdminPermission;
      'admin::role': AdminRole;
      'admin::session': AdminSession;
      'admin::transfer-token': AdminTransferToken;
      'admin::transfer-token-permission': AdminTransferTokenPermission;
      'admin::user': AdminUser;
      'api::catalog.service-category': ApiCatalogServiceCategory;
      'api::catalog.service-item': ApiCatalogServiceItem;
      'api::catalog.skill': ApiCatalogSkill;
      'api::feedback.review': ApiFeedbackReview;
      'api::feedback.ticket': ApiFeedbackTicket;
      'api::feedback.ticket-escalation': ApiFeedbackTicketEscalation;
      'api::feedback.ticket-reply': ApiFeedbackTicketReply;
      'api::insights.behaviour-event': ApiInsightsBehaviourEvent;
      'api::marketing.coupon': ApiMarketingCoupon;
      'api::marketing.gift': ApiMarketingGift;
      'api::marketing.gift-redemption': ApiMarketingGiftRedemption;
      'api::marketing.points-entry': ApiMarketingPointsEntry;
      'api::marketing.user-coupon': ApiMarketingUserCoupon;
      'api::media.owned-file': ApiMediaOwnedFile;
      'api::notify.notification': ApiNotifyNotification;
      'api::people.address': ApiPeopleAddress;
      'api::people.customer-profile': ApiPeopleCustomerProfile;
      'api::people.favourite': ApiPeopleFavourite;
      'api::people.worker': ApiPeopleWorker;
      'api::settings.city': ApiSettingsCity;
      'api::settings.city-operator': ApiSettingsCityOperator;
      'api::settings.message-template': ApiSettingsMessageTemplate;
      'api::settings.platform-setting': ApiSettingsPlatformSetting;
      'plugin::content-releases.release': PluginContentReleasesRelease;
      'plugin::content-releases.release-action': PluginContentReleasesReleaseAction;
      'plugin::dispatch.dispatch-offer': PluginDispatchDispatchOffer;
      'plugin::dispatch.dispatch-task': PluginDispatchDispatchTask;
      'plugin::dispatch.ops-alert': PluginDispatchOpsAlert;
      'plugin::dispatch.worker-block': PluginDispatchWorkerBlock;
      'plugin::i18n.locale': PluginI18NLocale;
      'plugin::im.conversation': PluginImConversation;
      'plugin::im.message': PluginImMessage;
      'plugin::orders.order': PluginOrdersOrder;
      'plugin::orders.order-event': PluginOrdersOrderEvent;
      'plugin::orders.worker-slot': PluginOrdersWorkerSlot;
      'plugin::payments.channel-notice': PluginPaymentsChannelNotice;
      'plugin::payments.payment': PluginPaymentsPayment;
      'plugin::payments.refund': PluginPaymentsRefund;
      'plugin::review-workflows.workflow': PluginReviewWorkflowsWorkflow;
      'plugin::review-workflows.workflow-stage': PluginReviewWorkflowsWorkflowStage;
      'plugin::settlement.journal-entry': PluginSettlementJournalEntry;
      'plugin::settlement.journal-line': PluginSettlementJournalLine;
      'plugin::settlement.settlement-batch': PluginSettlementSettlementBatch;
      'plugin::settlement.settlement-payout': PluginSettlementSettlementPayout;
      'plugin::settlement.settlement-statement': PluginSettlementSettlementStatement;
      'plugin::settlement.worker-earning': PluginSettlementWorkerEarning;
      'plugin::tracking.location-sample': PluginTrackingLocationSample;
      'plugin::upload.file': PluginUploadFile;
      'plugin::upload.folder': PluginUploadFolder;
      'plugin::users-permissions.permission': PluginUsersPermissionsPermission;
      'plugin::users-permissions.role': PluginUsersPermissionsRole;
      'plugin::users-permissions.user': PluginUsersPermissionsUser;
    }
  }
}
