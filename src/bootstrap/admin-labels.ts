/**
 * What operators (运营、客服、财务、城市运营) see in the Content Manager: Chinese labels, hints for
 * fields whose stored value is not self-explanatory (money in 分, percentages, English enum
 * values), list columns, default sort and edit-view rows. Pure data; `admin-layouts.ts` applies it.
 */

export interface FieldText {
  label: string;
  /** Shown under the input in the edit view. */
  description?: string;
  placeholder?: string;
}

/** An edit-view row: field names, optionally with an explicit width out of 12. */
export type EditRow = ReadonlyArray<string | readonly [string, number]>;

export interface AdminViewSpec {
  /** Field used as the entry title and in relations that point to this type. */
  mainField?: string;
  /** List-view columns, in order. */
  list?: readonly string[];
  defaultSort?: { by: string; order: 'ASC' | 'DESC' };
  pageSize?: number;
  /** Edit-view rows; fields left out are appended at the end. */
  edit?: readonly EditRow[];
  /** Technical fields an operator never needs: hidden from the edit view and the list. */
  hidden?: readonly string[];
  /** Kept up to date by the system: shown, not editable. Never a required field. */
  readOnly?: readonly string[];
  fields: Readonly<Record<string, FieldText>>;
}

const FEN = '单位：分（100 = ¥1.00）';
const PERCENT = '百分比，填 0–100 的整数';
const SORT_HINT = '数字越小越靠前';
const SLUG_HINT = '用于网址和接口，只能用小写字母、数字和连字符，如 daily-cleaning；上线后请勿修改';
const MAINTAINED = '系统自动维护，无需手动修改';
const GENDER = 'male = 男，female = 女';
const HH_MM = '24 小时制 HH:mm，如 08:00';

/** Fallback labels by attribute name, for system fields and for types added later. */
export const COMMON_FIELDS: Readonly<Record<string, FieldText>> = {
  id: { label: 'ID' },
  documentId: { label: '文档 ID' },
  createdAt: { label: '创建时间' },
  updatedAt: { label: '更新时间' },
  createdBy: { label: '创建人' },
  updatedBy: { label: '更新人' },
  publishedAt: { label: '发布时间' },
  locale: { label: '语言' },
  name: { label: '名称' },
  title: { label: '标题' },
  code: { label: '代码' },
  slug: { label: '英文标识', description: SLUG_HINT },
  sort: { label: '排序', description: SORT_HINT },
  active: { label: '启用' },
  description: { label: '说明' },
  note: { label: '备注' },
  user: { label: '用户' },
  city: { label: '城市' },
  phone: { label: '手机号' },
  email: { label: '邮箱' },
  image: { label: '图片' },
  images: { label: '图片' },
  price: { label: '价格（分）', description: FEN },
  amount: { label: '金额（分）', description: FEN },
  quantity: { label: '数量' },
  remark: { label: '备注' },
  type: { label: '类型' },
  enabled: { label: '启用' },
  visible: { label: '显示' },
};

/** Fields every type hides unless its spec says otherwise (search columns built by code). */
export const ALWAYS_HIDDEN: readonly string[] = ['searchIndex'];

export const CONTENT_TYPE_VIEWS: Readonly<Record<string, AdminViewSpec>> = {
  'api::catalog.service-category': {
    mainField: 'name',
    list: ['name', 'parent', 'sort', 'active', 'items'],
    defaultSort: { by: 'sort', order: 'ASC' },
    pageSize: 50,
    edit: [['name', 'slug'], ['parent', 'icon'], ['sort', 'active'], ['description'], ['children', 'items']],
    fields: {
      name: { label: '分类名称', placeholder: '如：日常保洁' },
      slug: { label: '英文标识', description: SLUG_HINT, placeholder: 'daily-cleaning' },
      sort: { label: '排序', description: SORT_HINT },
      active: { label: '上架', description: '关闭后会员端不再显示该分类' },
      icon: { label: '图标' },
      description: { label: '分类说明' },
      parent: { label: '上级分类', description: '留空表示一级分类' },
      children: { label: '子分类' },
      items: { label: '服务项目' },
    },
  },

  'api::catalog.service-item': {
    mainField: 'name',
    list: ['name', 'category', 'price', 'unit', 'sort', 'active'],
    defaultSort: { by: 'sort', order: 'ASC' },
    pageSize: 20,
    readOnly: ['salesCount'],
    edit: [
      ['name', 'slug'],
      ['category', 'summary'],
      ['sort', 'active', 'durationMinutes'],
      ['unit', 'price', 'originalPrice'],
      ['minQuantity', 'maxQuantity', 'depositPercent'],
      ['priceNote'],
      ['cover', 'video'],
      ['gallery'],
      ['description'],
      ['effect'],
      ['process'],
      ['tags'],
      ['packages'],
      ['skills', 'minSkillLevel', 'salesCount'],
    ],
    fields: {
      name: { label: '服务名称', placeholder: '如：日常保洁（2 小时）' },
      slug: { label: '英文标识', description: SLUG_HINT, placeholder: 'daily-cleaning-2h' },
      category: { label: '所属分类' },
      sort: { label: '排序', description: SORT_HINT },
      active: { label: '上架', description: '关闭后会员端不可见、不可预约' },
      summary: { label: '一句话简介', placeholder: '如：厨房、卫生间、客厅全屋清洁' },
      description: { label: '服务详情', description: '服务内容、注意事项等，会员在服务详情页看到' },
      cover: { label: '封面图' },
      gallery: { label: '图集' },
      video: { label: '介绍视频' },
      process: { label: '服务流程', description: '按顺序添加服务步骤' },
      effect: { label: '服务效果', description: '服务完成后应达到的效果' },
      durationMinutes: { label: '服务时长（分钟）', description: '每个计价单位的预计用时，至少 15 分钟；用于排班' },
      unit: {
        label: '计价单位',
        description: 'time = 按次，hour = 按小时，sqm = 按平方米，unit = 按件/台，day = 按天，month = 按月',
      },
      price: { label: '价格（分）', description: `${FEN}；每个计价单位的价格` },
      originalPrice: { label: '原价（分）', description: `${FEN}；划线价，可留空` },
      minQuantity: { label: '起订数量', description: '按计价单位计，如按小时计价时 2 表示至少 2 小时' },
      maxQuantity: { label: '最多数量', description: '留空表示不限' },
      depositPercent: {
        label: '定金比例（%）',
        description: `${PERCENT}；0 表示下单全额支付，30 表示先付 30% 定金、服务完成后付尾款`,
      },
      priceNote: { label: '收费说明', placeholder: '如：超出 100 平方米部分按 ¥5/平方米另计' },
      tags: { label: '标签' },
      packages: { label: '优惠套餐', description: '按数量打包的优惠价，如 4 次日常保洁 ¥520' },
      skills: { label: '所需技能', description: '派单时只匹配掌握这些技能的师傅' },
      minSkillLevel: { label: '最低技能等级', description: '1 初级 … 5 资深；派单只匹配该技能等级不低于此值的师傅' },
      salesCount: { label: '销量', description: MAINTAINED },
    },
  },

  'api::catalog.skill': {
    mainField: 'name',
    list: ['name', 'category', 'serviceItems', 'updatedAt'],
    defaultSort: { by: 'name', order: 'ASC' },
    pageSize: 50,
    edit: [['name', 'slug'], ['category'], ['description'], ['serviceItems']],
    fields: {
      name: { label: '技能名称', placeholder: '如：深度保洁' },
      slug: { label: '英文标识', description: SLUG_HINT },
      description: { label: '技能说明' },
      category: { label: '所属分类' },
      serviceItems: { label: '适用服务项目' },
    },
  },

  'api::feedback.review': {
    mainField: 'orderRef',
    list: ['orderRef', 'worker', 'serviceItem', 'rating', 'visible', 'createdAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    edit: [
      ['orderRef', 'serviceItem'],
      ['worker', 'member'],
      ['ratingQuality', 'ratingAttitude', 'ratingSkill'],
      ['rating', 'visible'],
      ['content'],
      ['images'],
      ['reply', 'repliedAt'],
    ],
    fields: {
      orderRef: { label: '订单号' },
      worker: { label: '服务人员' },
      member: { label: '评价会员' },
      serviceItem: { label: '服务项目' },
      ratingQuality: { label: '服务质量', description: '1–5 分' },
      ratingAttitude: { label: '服务态度', description: '1–5 分' },
      ratingSkill: { label: '专业技能', description: '1–5 分' },
      rating: { label: '综合评分', description: '三项评分的平均分（1–5）' },
      content: { label: '评价内容' },
      images: { label: '评价图片' },
      reply: { label: '平台回复', description: '会员和其他用户都能看到这条回复' },
      repliedAt: { label: '回复时间' },
      visible: { label: '公开显示', description: '关闭后这条评价不在会员端展示（如含不当内容）' },
    },
  },

  'api::settings.city': {
    mainField: 'name',
    list: ['name', 'adcode', 'active', 'sort', 'averageSpeedKmh'],
    defaultSort: { by: 'sort', order: 'ASC' },
    pageSize: 50,
    edit: [['name', 'adcode'], ['centerLat', 'centerLng'], ['active', 'sort', 'averageSpeedKmh']],
    fields: {
      name: { label: '城市名称', placeholder: '如：北京' },
      adcode: {
        label: '行政区划代码',
        description: '6 位国家行政区划代码（与高德地图一致），如 北京 110100、上海 310100',
        placeholder: '110100',
      },
      centerLat: { label: '中心点纬度', description: '地图默认中心，如 39.904989' },
      centerLng: { label: '中心点经度', description: '地图默认中心，如 116.405285' },
      active: { label: '已开通', description: '关闭后会员无法在该城市下单' },
      averageSpeedKmh: { label: '平均车速（公里/小时）', description: '估算师傅到达时间时使用' },
      sort: { label: '排序', description: SORT_HINT },
    },
  },

  'api::settings.city-operator': {
    mainField: 'adminEmail',
    list: ['adminEmail', 'cities', 'note', 'updatedAt'],
    defaultSort: { by: 'adminEmail', order: 'ASC' },
    pageSize: 20,
    edit: [['adminEmail', 'adminUserId'], ['cities'], ['note']],
    fields: {
      adminEmail: {
        label: '管理员邮箱',
        description: '城市运营的后台登录邮箱，须与「设置 → 管理员」中的邮箱一致',
        placeholder: 'name@example.com',
      },
      adminUserId: {
        label: '管理员账号 ID',
        description: '首次使用时自动绑定到该邮箱的管理员账号；之后改邮箱不影响授权。清空可重新绑定',
      },
      cities: { label: '可管理城市', description: '「城市运营」角色只能看到这些城市的数据' },
      note: { label: '备注' },
    },
  },

  'api::settings.message-template': {
    mainField: 'name',
    list: ['name', 'code', 'channel', 'active', 'updatedAt'],
    defaultSort: { by: 'code', order: 'ASC' },
    pageSize: 20,
    edit: [['name', 'code'], ['channel', 'active'], ['content'], ['providerTemplateId', 'signName']],
    fields: {
      code: {
        label: '模板代码',
        description: '程序发送消息时使用，只能用小写字母、数字和下划线，如 order_accepted；请勿随意修改',
      },
      channel: { label: '发送渠道', description: 'sms = 短信，wechat = 微信订阅消息，in_app = 站内通知' },
      name: { label: '模板名称', placeholder: '如：接单通知' },
      content: {
        label: '模板内容',
        description: '用 {变量名} 占位，如：您预约的{serviceName}已由{workerName}师傅接单',
      },
      providerTemplateId: { label: '服务商模板 ID', description: '短信或微信平台审核通过的模板 ID；站内通知不用填' },
      signName: { label: '短信签名', description: '仅短信渠道使用，如：上门' },
      active: { label: '启用' },
    },
  },

  'api::settings.platform-setting': {
    edit: [
      ['timezone'],
      ['businessHours'],
      ['booking'],
      ['dispatch'],
      ['dispatchModes'],
      ['cancellationPolicy'],
      ['commission'],
      ['categoryCommissions'],
      ['points'],
      ['rating'],
      ['sms'],
      ['exceptions'],
    ],
    fields: {
      timezone: {
        label: '业务时区',
        description: '营业时间、预约时段和报表按此时区计算；默认 Asia/Shanghai（北京时间）',
      },
      businessHours: { label: '营业时间' },
      booking: { label: '预约规则' },
      dispatch: { label: '派单规则' },
      dispatchModes: { label: '按城市/分类的派单模式', description: '优先级：城市+分类 > 分类 > 城市 > 派单规则中的默认模式' },
      cancellationPolicy: {
        label: '取消扣费规则',
        description: '师傅接单后会员取消时，按订单状态和距服务开始的小时数收取的费用；接单前取消免费',
      },
      commission: { label: '平台佣金' },
      categoryCommissions: { label: '分类佣金', description: '为特定分类单独设置佣金比例，优先于默认比例' },
      points: { label: '积分规则' },
      rating: { label: '评价标准' },
      sms: { label: '短信频率限制' },
      exceptions: { label: '订单异常规则', description: '订单监控中「异常」筛选的判定时间' },
    },
  },

  'api::people.worker': {
    mainField: 'realName',
    list: ['realName', 'gender', 'city', 'auditStatus', 'employment', 'rating'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['rating', 'ratingQuality', 'ratingAttitude', 'ratingSkill', 'reviewCount', 'completedOrders'],
    edit: [
      ['realName', 'user'],
      ['gender', 'birthYear', 'experienceYears'],
      ['idNumber', 'idVerified'],
      ['idCardImages'],
      ['city', 'photo'],
      ['bio'],
      ['auditStatus', 'employment'],
      ['suspendedReason'],
      ['auditLog'],
      ['skills'],
      ['certificates'],
      ['workHistory'],
      ['homeLat', 'homeLng', 'serviceRadiusMeters'],
      ['acceptingOrders', 'maxOrdersPerDay'],
      ['availability'],
      ['leave'],
      ['rating', 'reviewCount', 'completedOrders'],
      ['ratingQuality', 'ratingAttitude', 'ratingSkill'],
    ],
    fields: {
      user: { label: '登录账号', description: '师傅登录小程序/App 使用的用户账号' },
      realName: { label: '真实姓名', description: '与身份证一致；会员端只显示为「王阿姨」「李师傅」这样的称呼' },
      idNumber: { label: '身份证号', description: '18 位；仅后台可见，对外接口一律脱敏' },
      idVerified: { label: '已实名认证' },
      idCardImages: { label: '身份证照片', description: '正反面；入驻申请时由本人上传，仅后台可见' },
      gender: { label: '性别', description: GENDER },
      birthYear: { label: '出生年份', placeholder: '1985' },
      photo: { label: '照片' },
      bio: { label: '个人简介', description: '会员在师傅主页看到' },
      city: { label: '所在城市' },
      skills: { label: '技能', description: '技能及等级（1 初级 … 5 资深），派单按此匹配' },
      certificates: { label: '资质证书' },
      experienceYears: { label: '从业年限（年）' },
      workHistory: { label: '工作经历' },
      homeLat: { label: '常住地纬度', description: '用于计算接单距离' },
      homeLng: { label: '常住地经度', description: '用于计算接单距离' },
      serviceRadiusMeters: { label: '服务半径（米）', description: '只派发此距离内的订单；10000 = 10 公里' },
      acceptingOrders: { label: '接单开关', description: '关闭后不再收到派单和抢单（师傅可在 App 里自己开关）' },
      maxOrdersPerDay: { label: '每日最多接单', description: '留空则按平台参数中的派单规则' },
      availability: { label: '每周可接单时段', description: '按星期设置；一个时段都不设时按营业时间每天可接单；同一天的时段不能重叠' },
      leave: { label: '请假与休息日', description: '期间不派单；已接订单落在其中时无法保存' },
      auditStatus: {
        label: '审核状态',
        description: 'pending = 待审核，approved = 已通过，rejected = 已驳回；通过后账号获得师傅权限',
      },
      auditLog: { label: '审核记录' },
      employment: {
        label: '在职状态',
        description: 'active = 在职，suspended = 暂停接单，resigned = 已离职',
      },
      suspendedReason: { label: '暂停原因', description: '暂停接单时填写，师傅可以看到' },
      rating: { label: '综合评分', description: `0–5 分；${MAINTAINED}` },
      ratingQuality: { label: '服务质量评分', description: MAINTAINED },
      ratingAttitude: { label: '服务态度评分', description: MAINTAINED },
      ratingSkill: { label: '专业技能评分', description: MAINTAINED },
      reviewCount: { label: '评价数', description: MAINTAINED },
      completedOrders: { label: '完成订单数', description: MAINTAINED },
    },
  },

  'api::people.customer-profile': {
    mainField: 'name',
    list: ['name', 'user', 'gender', 'city', 'updatedAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    edit: [['name', 'user'], ['gender', 'city'], ['avatar'], ['preferences'], ['tags'], ['note']],
    fields: {
      user: { label: '登录账号' },
      name: { label: '姓名' },
      gender: { label: '性别', description: 'male = 男，female = 女，unknown = 未知' },
      avatar: { label: '头像' },
      city: { label: '所在城市' },
      preferences: { label: '服务偏好', description: '用于推荐服务和师傅' },
      tags: { label: '客户标签', description: '客服打的标签，如：老客户、宠物家庭' },
      note: { label: '客服备注', description: '仅后台可见' },
    },
  },

  'api::people.address': {
    mainField: 'detail',
    list: ['contact', 'phone', 'city', 'district', 'detail', 'isDefault'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    edit: [['user', 'isDefault'], ['contact', 'phone'], ['city', 'district'], ['detail'], ['lat', 'lng']],
    fields: {
      user: { label: '所属会员' },
      contact: { label: '联系人' },
      phone: { label: '联系电话' },
      city: { label: '城市' },
      district: { label: '区县', placeholder: '如：朝阳区' },
      detail: { label: '详细地址', placeholder: '街道、小区、楼栋门牌号' },
      lat: { label: '纬度' },
      lng: { label: '经度' },
      isDefault: { label: '默认地址' },
    },
  },

  'api::marketing.coupon': {
    mainField: 'name',
    list: ['name', 'code', 'type', 'stock', 'issuedCount', 'active'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['issuedCount'],
    edit: [
      ['name', 'code'],
      ['type', 'active'],
      ['amountOff', 'minSpend'],
      ['percentOff', 'maxDiscount'],
      ['categories'],
      ['validFrom', 'validUntil'],
      ['validDays', 'perUserLimit', 'claimable'],
      ['stock', 'issuedCount'],
      ['description'],
    ],
    fields: {
      name: { label: '优惠券名称', placeholder: '如：满200减30' },
      code: {
        label: '券代码',
        description: '大写字母、数字、下划线或连字符，如 SAVE-200-30；全平台唯一',
        placeholder: 'SAVE-200-30',
      },
      type: {
        label: '类型',
        description: 'fixed = 无门槛立减，threshold = 满减，percent = 折扣',
      },
      amountOff: { label: '减免金额（分）', description: `${FEN}；无门槛立减券和满减券填写` },
      percentOff: {
        label: '优惠比例（%）',
        description: '折扣券填写：优惠的百分比，1–99，如 12 表示优惠 12%（即 88 折）',
      },
      maxDiscount: { label: '最高优惠（分）', description: `${FEN}；折扣券的优惠上限，留空表示不限` },
      minSpend: { label: '最低消费（分）', description: `${FEN}；订单金额达到才可用，0 表示无门槛` },
      categories: { label: '适用分类', description: '留空表示全部服务可用' },
      validFrom: { label: '开始时间', description: '留空表示立即生效' },
      validUntil: { label: '截止时间', description: '留空表示不限' },
      validDays: { label: '有效天数', description: '会员获得后多少天内有效，从获得当天算起' },
      stock: { label: '库存', description: '最多可发放的张数，留空表示不限' },
      issuedCount: { label: '已发放', description: MAINTAINED },
      perUserLimit: { label: '每人限领（张）' },
      claimable: { label: '可自行领取', description: '开启后会员可在领券中心领取；关闭则只能由平台发放或积分兑换' },
      active: { label: '启用', description: '停用后不能再发放和领取，已发出的券不受影响' },
      description: { label: '使用说明', description: '会员在券详情中看到' },
    },
  },

  'api::marketing.user-coupon': {
    mainField: 'id',
    list: ['user', 'coupon', 'couponStatus', 'source', 'grantedAt', 'expiresAt'],
    defaultSort: { by: 'grantedAt', order: 'DESC' },
    pageSize: 20,
    edit: [['user', 'coupon'], ['couponStatus', 'source'], ['grantedAt', 'expiresAt'], ['usedAt', 'orderRef']],
    fields: {
      user: { label: '会员' },
      coupon: { label: '优惠券' },
      couponStatus: {
        label: '状态',
        description:
          'available = 可使用，reserved = 已锁定（下单待支付），used = 已使用，expired = 已过期，revoked = 已作废',
      },
      source: {
        label: '来源',
        description: 'grant = 平台发放，claim = 会员领取，exchange = 积分兑换，campaign = 活动赠送，register = 注册赠送',
      },
      grantedAt: { label: '发放时间' },
      expiresAt: { label: '到期时间' },
      usedAt: { label: '使用时间' },
      orderRef: { label: '使用订单号' },
    },
  },

  'api::marketing.points-entry': {
    mainField: 'id',
    list: ['user', 'delta', 'balanceAfter', 'reason', 'ref', 'createdAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    edit: [['user', 'reason'], ['delta', 'balanceAfter'], ['ref', 'note']],
    fields: {
      user: { label: '会员' },
      delta: { label: '积分变动', description: '正数为获得，负数为消耗' },
      balanceAfter: { label: '变动后余额' },
      reason: {
        label: '原因',
        description:
          'order_completed = 订单完成，review = 评价奖励，register = 注册赠送，redeem_gift = 兑换礼品，order_deduction = 下单抵扣，deduction_refund = 抵扣退回，expire = 积分过期，admin_adjust = 人工调整',
      },
      ref: { label: '关联单号' },
      note: { label: '备注' },
    },
  },

  'api::marketing.gift': {
    mainField: 'name',
    list: ['name', 'kind', 'pointsCost', 'stock', 'active', 'sort'],
    defaultSort: { by: 'sort', order: 'ASC' },
    pageSize: 20,
    edit: [['name', 'kind'], ['coupon', 'pointsCost', 'stock'], ['image', 'active', 'sort'], ['description']],
    fields: {
      name: { label: '礼品名称' },
      kind: { label: '礼品类型', description: 'physical = 实物礼品（需发货），coupon = 优惠券' },
      coupon: { label: '兑换的优惠券', description: '礼品类型为优惠券时必选' },
      pointsCost: { label: '所需积分' },
      stock: { label: '库存', description: '留空表示不限' },
      image: { label: '礼品图片' },
      description: { label: '礼品说明' },
      active: { label: '上架' },
      sort: { label: '排序', description: SORT_HINT },
    },
  },

  'api::marketing.gift-redemption': {
    mainField: 'trackingNo',
    list: ['user', 'gift', 'pointsCost', 'redemptionStatus', 'trackingNo', 'createdAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    edit: [['user', 'gift'], ['pointsCost', 'redemptionStatus'], ['address', 'trackingNo'], ['userCoupon', 'note']],
    fields: {
      user: { label: '会员' },
      gift: { label: '礼品' },
      pointsCost: { label: '消耗积分' },
      redemptionStatus: {
        label: '兑换状态',
        description: 'pending = 待处理（实物待发货），fulfilled = 已完成，cancelled = 已取消',
      },
      address: { label: '收货地址' },
      userCoupon: { label: '发放的优惠券', description: '兑换优惠券时由系统关联' },
      trackingNo: { label: '快递单号', description: '实物礼品发货后填写，并把状态改为 fulfilled' },
      note: { label: '备注' },
    },
  },

  'api::notify.notification': {
    mainField: 'title',
    list: ['user', 'code', 'title', 'readAt', 'createdAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['userRef'],
    edit: [['user', 'userRef'], ['code', 'title'], ['body'], ['data'], ['readAt']],
    fields: {
      user: { label: '接收人' },
      userRef: { label: '接收人 ID', description: MAINTAINED },
      code: { label: '模板代码', description: '对应 消息模板 的代码，如 order_paid' },
      title: { label: '标题' },
      body: { label: '内容' },
      data: { label: '附加数据', description: '关联的订单等信息（JSON）' },
      readAt: { label: '已读时间', description: '为空表示未读' },
    },
  },

  'api::media.owned-file': {
    mainField: 'fileId',
    list: ['fileId', 'owner', 'purpose', 'private', 'mime', 'createdAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['fileId', 'owner', 'purpose', 'private', 'mime', 'sizeBytes'],
    edit: [['fileId', 'owner'], ['purpose', 'private'], ['mime', 'sizeBytes']],
    fields: {
      fileId: { label: '文件 ID', description: '媒体库中的文件编号' },
      owner: { label: '上传人' },
      purpose: { label: '用途', description: 'avatar = 头像，review = 评价图片，ticket = 工单图片，chat = 聊天图片，application = 入驻材料，certificate = 资质证书' },
      private: { label: '私密文件', description: '证件与资质扫描件不公开，只能通过签名链接查看' },
      mime: { label: '文件类型' },
      sizeBytes: { label: '大小（字节）' },
    },
  },

  'plugin::orders.order': {
    mainField: 'orderNo',
    list: ['orderNo', 'orderStatus', 'serviceItem', 'city', 'scheduledAt', 'total', 'paid', 'worker'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['orderNo', 'memberId', 'itemSnapshot', 'addressSnapshot', 'subtotal', 'discount', 'pointsUsed', 'pointsDeduction', 'total', 'deposit', 'balanceDue', 'paid', 'refunded', 'refundPending', 'cancellationFee', 'paidAt', 'acceptedAt', 'departedAt', 'arrivedAt', 'startedAt', 'completedAt', 'cancelledAt', 'cancelledBy'],
    hidden: ['idempotencyScope', 'idempotencyHash', 'idempotencyExpiresAt'],
    edit: [
      ['orderNo', 'orderStatus'],
      ['member', 'memberId'],
      ['serviceItem', 'category'],
      ['quantity', 'packageCode', 'paymentMode'],
      ['scheduledAt', 'durationMinutes', 'instant'],
      ['address', 'city'],
      ['worker', 'preferredWorker'],
      ['subtotal', 'discount', 'total'],
      ['pointsUsed', 'pointsDeduction', 'userCoupon'],
      ['deposit', 'balanceDue', 'paid'],
      ['refunded', 'refundPending', 'cancellationFee'],
      ['cancelReason', 'cancelledBy'],
    ],
    fields: {
      orderNo: { label: '订单号' },
      orderStatus: {
        label: '订单状态',
        description: '请在「订单监控」中处理订单；此处改状态不会记录时间线。pending_payment 待支付，pending_acceptance 待接单，accepted 已接单，on_the_way 已出发，arrived 已到达，in_service 服务中，paused 服务暂停，pending_final_payment 待付尾款，completed 已完成，cancelled 已取消',
      },
      member: { label: '下单会员' },
      memberId: { label: '会员 ID', description: MAINTAINED },
      worker: { label: '服务人员' },
      preferredWorker: { label: '会员指定的师傅' },
      serviceItem: { label: '服务项目' },
      category: { label: '服务分类' },
      itemSnapshot: { label: '下单时的服务信息', description: '下单时的名称与价格快照，不随目录修改而变' },
      quantity: { label: '数量' },
      packageCode: { label: '套餐代码' },
      address: { label: '服务地址' },
      addressSnapshot: { label: '下单时的地址', description: '下单时的地址快照' },
      scheduledAt: { label: '预约时间' },
      durationMinutes: { label: '服务时长（分钟）' },
      instant: { label: '立即上门' },
      requirements: { label: '服务要求', description: '清洁区域、用品、性别要求、备注（JSON）' },
      paymentMode: { label: '支付方式', description: 'full = 全款，deposit = 定金 + 尾款' },
      subtotal: { label: '原价小计', description: FEN },
      discount: { label: '优惠券抵扣', description: FEN },
      pointsUsed: { label: '使用积分' },
      pointsDeduction: { label: '积分抵扣', description: FEN },
      total: { label: '应付总额', description: FEN },
      deposit: { label: '定金', description: FEN },
      balanceDue: { label: '尾款', description: FEN },
      paid: { label: '已付', description: FEN },
      refunded: { label: '已退款', description: FEN },
      refundPending: { label: '待退款', description: FEN },
      cancellationFee: { label: '取消费', description: FEN },
      userCoupon: { label: '使用的优惠券' },
      parent: { label: '周期预约的首单' },
      children: { label: '周期预约的后续订单' },
      recurrence: { label: '周期规则', description: 'weekly = 每周，monthly = 每月（JSON）' },
      source: { label: '下单渠道', description: 'mini-program 小程序，app，h5，wechat-mp 公众号，admin 后台' },
      paidAt: { label: '支付时间' },
      acceptedAt: { label: '接单时间' },
      departedAt: { label: '出发时间' },
      arrivedAt: { label: '到达时间' },
      startedAt: { label: '开始服务时间' },
      completedAt: { label: '完成时间' },
      cancelledAt: { label: '取消时间' },
      cancelReason: { label: '取消原因' },
      cancelledBy: { label: '取消方', description: 'member 会员，operator 运营，system 系统' },
      events: { label: '订单日志' },
    },
  },

  'plugin::orders.order-event': {
    mainField: 'event',
    list: ['order', 'event', 'fromStatus', 'toStatus', 'actorType', 'at'],
    defaultSort: { by: 'at', order: 'DESC' },
    pageSize: 50,
    readOnly: ['orderRef', 'event', 'fromStatus', 'toStatus', 'actorType', 'actorId', 'at'],
    fields: {
      order: { label: '订单' },
      orderRef: { label: '订单 ID', description: MAINTAINED },
      event: { label: '事件', description: 'create 下单，pay 支付，accept 接单，depart 出发，arrive 到达，start 开始，pause 暂停，resume 继续，complete 完成，final_pay 付尾款，cancel 取消，reassign 改派，release 师傅退单，modify 修改，refund 退款' },
      fromStatus: { label: '原状态' },
      toStatus: { label: '新状态' },
      actorType: { label: '操作方', description: 'member 会员，worker 师傅，operator 运营，system 系统' },
      actorId: { label: '操作人 ID' },
      reason: { label: '原因' },
      data: { label: '详情' },
      at: { label: '时间' },
    },
  },

  'plugin::payments.payment': {
    mainField: 'outTradeNo',
    list: ['outTradeNo', 'channel', 'stage', 'amount', 'paymentStatus', 'refundedAmount', 'paidAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['outTradeNo', 'orderRef', 'memberId', 'stage', 'channel', 'clientType', 'amount', 'transactionId', 'channelTxKey', 'paidAt', 'expiresAt', 'closedAt', 'closeRequestedAt', 'refundedAmount', 'city'],
    edit: [['outTradeNo', 'paymentStatus'], ['order', 'orderRef'], ['channel', 'stage', 'clientType'], ['amount', 'refundedAmount'], ['transactionId', 'paidAt'], ['reviewReason']],
    fields: {
      outTradeNo: { label: '商户单号' },
      order: { label: '订单' },
      orderRef: { label: '订单 ID', description: MAINTAINED },
      memberId: { label: '会员 ID' },
      stage: { label: '支付阶段', description: 'full 全款，deposit 定金，final 尾款，topup 余额充值' },
      channel: { label: '支付渠道', description: 'wechat 微信支付，alipay 支付宝，unionpay 银联（银行卡/信用卡），balance 余额，sandbox 沙箱' },
      clientType: { label: '支付场景' },
      amount: { label: '金额', description: FEN },
      paymentStatus: { label: '支付状态', description: '请在「支付流水」中操作退款。created 待支付，paid 已支付，closed 已关闭，refunded 已退款，partially_refunded 部分退款，review 待核查（金额不符）' },
      transactionId: { label: '渠道交易号' },
      channelTxKey: { label: '渠道交易键', description: MAINTAINED },
      paidAt: { label: '支付时间' },
      expiresAt: { label: '支付截止时间' },
      closedAt: { label: '关闭时间' },
      closeRequestedAt: { label: '申请关闭时间', description: '订单取消或改价后，系统向支付渠道关闭该笔支付的时间' },
      refundedAmount: { label: '已退金额', description: FEN },
      params: { label: '客户端支付参数' },
      rawNotification: { label: '渠道通知原文' },
      reviewReason: { label: '待核查原因' },
      city: { label: '城市代码' },
      refunds: { label: '退款记录' },
    },
  },

  'plugin::payments.refund': {
    mainField: 'outRefundNo',
    list: ['outRefundNo', 'payment', 'amount', 'refundStatus', 'requestedBy', 'completedAt'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['outRefundNo', 'paymentRef', 'orderRef', 'amount', 'channelRefundId', 'channelRefundKey', 'requestedBy', 'operatorId', 'completedAt'],
    fields: {
      outRefundNo: { label: '退款单号' },
      payment: { label: '原支付' },
      paymentRef: { label: '支付 ID', description: MAINTAINED },
      orderRef: { label: '订单 ID', description: MAINTAINED },
      amount: { label: '退款金额', description: FEN },
      reason: { label: '退款原因' },
      refundStatus: { label: '退款状态', description: 'pending 待发起，processing 处理中，success 已退款，failed 失败（可在「支付流水」重试）' },
      channelRefundId: { label: '渠道退款号' },
      channelRefundKey: { label: '渠道退款键', description: MAINTAINED },
      requestedBy: { label: '发起方', description: 'member 会员，operator 运营，system 系统' },
      operatorId: { label: '操作员 ID' },
      completedAt: { label: '完成时间' },
      raw: { label: '渠道返回原文' },
    },
  },

  'plugin::settlement.journal-entry': {
    mainField: 'ref',
    list: ['ref', 'kind', 'memo', 'city', 'at'],
    defaultSort: { by: 'at', order: 'DESC' },
    pageSize: 50,
    readOnly: ['ref', 'kind', 'memo', 'city', 'at'],
    fields: {
      ref: { label: '凭证号', description: '业务事件的唯一标识，同一事件只记一次' },
      kind: { label: '类型', description: 'payment 收款，refund 退款，topup 充值，cancellation_fee 取消费，suspense 待核查' },
      memo: { label: '摘要' },
      city: { label: '城市代码' },
      at: { label: '记账时间' },
      lines: { label: '分录' },
    },
  },

  'plugin::settlement.journal-line': {
    mainField: 'account',
    list: ['entry', 'account', 'amount', 'at'],
    defaultSort: { by: 'at', order: 'DESC' },
    pageSize: 50,
    readOnly: ['entryRef', 'account', 'amount', 'at'],
    fields: {
      entry: { label: '凭证' },
      entryRef: { label: '凭证 ID', description: MAINTAINED },
      account: { label: '科目', description: 'cash:渠道 资金，customer-prepayments 预收服务款，wallet:用户ID 会员余额，income:cancellation-fees 取消费收入，suspense:payments 待核查款' },
      amount: { label: '金额', description: `借方为正、贷方为负；${FEN}` },
      at: { label: '记账时间' },
    },
  },

  'plugin::users-permissions.user': {
    mainField: 'username',
    list: ['username', 'phone', 'nickname', 'email', 'role', 'blocked'],
    defaultSort: { by: 'createdAt', order: 'DESC' },
    pageSize: 20,
    readOnly: ['wechatOpenId', 'wechatUnionId'],
    edit: [
      ['username', 'phone'],
      ['nickname', 'email'],
      ['avatar', 'role'],
      ['password'],
      ['confirmed', 'blocked'],
      ['wechatOpenId', 'wechatUnionId'],
    ],
    fields: {
      username: { label: '用户名' },
      email: { label: '邮箱' },
      provider: { label: '注册方式' },
      password: { label: '密码', description: '会员和师傅用短信验证码登录，通常不需要设置' },
      resetPasswordToken: { label: '重置密码令牌' },
      confirmationToken: { label: '确认令牌' },
      confirmed: { label: '已确认' },
      blocked: { label: '已禁用', description: '禁用后该账号无法登录' },
      role: { label: '角色', description: 'Authenticated = 会员，Worker = 师傅（审核通过后自动授予）' },
      phone: { label: '手机号' },
      nickname: { label: '昵称' },
      avatar: { label: '头像' },
      wechatOpenId: { label: '微信 OpenID', description: '微信登录绑定标识，只读' },
      wechatUnionId: { label: '微信 UnionID', description: '微信登录绑定标识，只读' },
    },
  },
};

export const COMPONENT_VIEWS: Readonly<Record<string, AdminViewSpec>> = {
  'catalog.tag': {
    mainField: 'label',
    fields: { label: { label: '标签文字', placeholder: '如：自带工具' } },
  },
  'catalog.promotion-package': {
    mainField: 'name',
    edit: [['name', 'code'], ['quantity', 'price', 'active'], ['description']],
    fields: {
      code: { label: '套餐代码', description: '小写字母、数字和连字符，如 four-times', placeholder: 'four-times' },
      name: { label: '套餐名称', placeholder: '如：4 次日常保洁' },
      quantity: { label: '包含数量', description: '按服务项目的计价单位计' },
      price: { label: '套餐总价（分）', description: `${FEN}；整个套餐的价格` },
      description: { label: '套餐说明' },
      active: { label: '启用' },
    },
  },
  'catalog.process-step': {
    mainField: 'title',
    edit: [['title', 'minutes'], ['description']],
    fields: {
      title: { label: '步骤名称', placeholder: '如：厨房油污清洁' },
      description: { label: '步骤说明' },
      minutes: { label: '预计用时（分钟）' },
    },
  },
  'people.audit-entry': {
    mainField: 'decision',
    edit: [['decision', 'at'], ['reason'], ['operator']],
    fields: {
      decision: {
        label: '审核结果',
        description:
          'submitted = 提交审核，approved = 通过，rejected = 驳回，suspended = 暂停接单，reinstated = 恢复接单',
      },
      reason: { label: '原因' },
      operator: { label: '操作人' },
      at: { label: '时间' },
    },
  },
  'people.certificate': {
    mainField: 'name',
    edit: [['type', 'name'], ['number', 'verified'], ['issuedAt', 'expiresAt'], ['file']],
    fields: {
      type: {
        label: '证书类型',
        description:
          'health = 健康证，housekeeping = 家政服务员证，childcare = 育婴员证，maternity = 母婴护理证，elderly_care = 养老护理员证，nursing = 护理证，electrician = 电工证，plumber = 水电工证，other = 其他',
      },
      name: { label: '证书名称' },
      number: { label: '证书编号', description: '仅后台可见' },
      file: { label: '证书照片' },
      issuedAt: { label: '发证日期' },
      expiresAt: { label: '有效期至', description: '留空表示长期有效' },
      verified: { label: '已核验' },
    },
  },
  'people.preferences': {
    edit: [['categories'], ['timeWindows'], ['priceMin', 'priceMax', 'workerGender']],
    fields: {
      categories: { label: '偏好服务分类' },
      timeWindows: { label: '偏好时间段' },
      priceMin: { label: '价格下限（分）', description: FEN },
      priceMax: { label: '价格上限（分）', description: FEN },
      workerGender: { label: '师傅性别偏好', description: 'male = 男，female = 女，any = 不限' },
    },
  },
  'people.time-window': {
    mainField: 'start',
    edit: [['weekday', 'start', 'end']],
    fields: {
      weekday: { label: '星期', description: '1 = 周一 … 7 = 周日' },
      start: { label: '开始时间', description: HH_MM, placeholder: '08:00' },
      end: { label: '结束时间', description: `${HH_MM}；24:00 表示到当天结束`, placeholder: '12:00' },
    },
  },
  'people.leave': {
    mainField: 'startsAt',
    edit: [['kind', 'startsAt', 'endsAt'], ['reason']],
    fields: {
      kind: { label: '类型', description: 'leave = 请假，day_off = 休息日' },
      startsAt: { label: '开始时间' },
      endsAt: { label: '结束时间' },
      reason: { label: '原因' },
    },
  },
  'people.work-history': {
    mainField: 'employer',
    edit: [['employer', 'role'], ['from', 'to', 'verified'], ['description']],
    fields: {
      employer: { label: '工作单位' },
      role: { label: '职位' },
      from: { label: '开始日期' },
      to: { label: '结束日期', description: '留空表示至今' },
      description: { label: '工作内容' },
      verified: { label: '已核实' },
    },
  },
  'people.worker-skill': {
    edit: [['skill', 'level']],
    fields: {
      skill: { label: '技能' },
      level: { label: '等级', description: '1 = 初级 … 5 = 资深' },
    },
  },
  'settings.booking-rules': {
    edit: [
      ['minLeadMinutes', 'maxAdvanceDays', 'slotMinutes'],
      ['instantArrivalMinutes', 'travelBufferMinutes', 'recurrenceHorizonDays'],
      ['unpaidTimeoutMinutes', 'acceptanceTimeoutMinutes'],
      ['departLeadMinutes', 'arrivalFlagMeters'],
    ],
    fields: {
      minLeadMinutes: { label: '最少提前预约（分钟）', description: '预约时间距下单时间至少多少分钟' },
      maxAdvanceDays: { label: '最多提前预约（天）', description: '最远可预约多少天以后' },
      instantArrivalMinutes: { label: '即时单上门时限（分钟）', description: '「尽快上门」订单承诺的最长到达时间' },
      unpaidTimeoutMinutes: { label: '未支付自动取消（分钟）', description: '下单后超过这个时间未支付，订单自动关闭' },
      acceptanceTimeoutMinutes: { label: '接单超时（分钟）', description: '支付后超过这个时间仍无师傅接单，视为接单超时' },
      travelBufferMinutes: { label: '路途缓冲（分钟）', description: '同一师傅相邻两单之间预留的路上时间' },
      recurrenceHorizonDays: { label: '周期订单生成范围（天）', description: '周期预约提前生成多少天内的订单' },
      departLeadMinutes: { label: '最早出发（分钟）', description: '师傅最早可在服务开始前多少分钟点「出发」' },
      arrivalFlagMeters: { label: '到达位置偏差（米）', description: '师傅点「到达」时距服务地址超过这个距离，标记待核实（不拒绝）' },
      slotMinutes: { label: '预约时段粒度（分钟）', description: '可选上门时间的间隔，如 30 表示 08:00、08:30…' },
    },
  },
  'settings.business-hours': {
    edit: [['opensAt', 'closesAt']],
    fields: {
      opensAt: { label: '开始营业', description: HH_MM, placeholder: '08:00' },
      closesAt: { label: '结束营业', description: `${HH_MM}；24:00 表示营业到午夜`, placeholder: '20:00' },
    },
  },
  'settings.cancellation-rule': {
    mainField: 'orderStatus',
    edit: [['orderStatus', 'minHoursBefore'], ['feePercent', 'minFee']],
    fields: {
      orderStatus: {
        label: '订单状态',
        description: 'accepted = 已接单，on_the_way = 已出发，arrived = 已到达，in_service = 服务中，paused = 服务暂停',
      },
      minHoursBefore: { label: '距服务开始至少（小时）', description: '取消时距服务开始不少于这个小时数才适用本条' },
      feePercent: { label: '扣费比例（%）', description: `${PERCENT}；按订单金额计算` },
      minFee: { label: '最低扣费（分）', description: FEN },
    },
  },
  'settings.category-commission': {
    edit: [['category', 'percent']],
    fields: {
      category: { label: '服务分类' },
      percent: { label: '佣金比例（%）', description: PERCENT },
    },
  },
  'settings.commission': {
    edit: [['defaultPercent', 'settlementCycleDays']],
    fields: {
      defaultPercent: { label: '默认佣金比例（%）', description: `${PERCENT}；平台从订单金额中抽取的比例` },
      settlementCycleDays: { label: '结算周期（天）', description: '每隔多少天给师傅结算一次' },
    },
  },
  'settings.dispatch-rules': {
    edit: [
      ['mode', 'offerTimeoutSeconds'],
      ['maxCandidates', 'maxOrdersPerDay'],
      ['weightDistance', 'weightRating', 'weightExperience'],
      ['weightWorkload', 'weightPreference', 'weightRepeatCustomer'],
      ['weightAcceptance', 'searchRadiusMeters'],
      ['offersPerRound', 'maxRounds', 'batchIntervalSeconds'],
    ],
    fields: {
      mode: {
        label: '派单模式',
        description:
          'recommend = 会员选师傅，assign = 系统指派（超时转下一位），grab = 抢单，batch = 批量最优分配，manual = 人工派单',
      },
      offerTimeoutSeconds: { label: '派单响应时限（秒）', description: '师傅在这个时间内未接受，转给下一位' },
      maxCandidates: { label: '候选师傅数', description: '每单最多考虑多少位师傅' },
      weightDistance: { label: '距离权重', description: '0–100，越大越看重距离近' },
      weightRating: { label: '评分权重', description: '0–100，越大越看重评分高' },
      weightExperience: { label: '经验权重', description: '0–100，越大越看重从业经验和技能等级' },
      weightWorkload: { label: '工作量均衡权重', description: '0–100，越大越倾向派给当天单少的师傅' },
      weightPreference: { label: '会员偏好权重', description: '0–100，越大越看重会员的性别等偏好' },
      weightRepeatCustomer: { label: '老客户权重', description: '0–100，越大越倾向派给服务过该会员的师傅' },
      maxOrdersPerDay: { label: '每位师傅每日最多接单' },
      weightAcceptance: { label: '接单率权重', description: '0–100，越大越倾向派给近 30 天接单率高的师傅' },
      searchRadiusMeters: { label: '搜索半径（米）', description: '在订单地址这个距离内找师傅，再按各师傅自己的服务半径筛选' },
      offersPerRound: { label: '每轮派单人数', description: '系统派单时每轮依次派给几位师傅；抢单每轮同时推送' },
      maxRounds: { label: '派单轮数', description: '几轮都无人接单后提醒城市运营人工处理' },
      batchIntervalSeconds: { label: '批量派单间隔（秒）', description: '批量最优派单模式下每隔多久计算一次' },
    },
  },
  'settings.dispatch-mode-rule': {
    edit: [['cityAdcode', 'categorySlug', 'mode']],
    fields: {
      cityAdcode: { label: '城市编码', description: '6 位行政区划代码，如 310100（上海）；留空表示所有城市', placeholder: '310100' },
      categorySlug: { label: '分类标识', description: '服务分类的英文标识，如 home-cleaning；留空表示所有分类', placeholder: 'home-cleaning' },
      mode: {
        label: '派单模式',
        description: 'recommend = 智能推荐，assign = 系统派单，grab = 抢单，batch = 批量最优派单，manual = 人工派单',
      },
    },
  },
  'settings.points-rules': {
    edit: [['earnPerYuan', 'reviewPoints', 'expireMonths'], ['pointsPerYuan', 'maxDeductionPercent']],
    fields: {
      earnPerYuan: { label: '每消费 1 元得积分' },
      reviewPoints: { label: '评价奖励积分' },
      pointsPerYuan: { label: '多少积分抵 1 元', description: '如 100 表示 100 积分抵扣 ¥1.00' },
      maxDeductionPercent: { label: '积分最多抵扣（%）', description: `${PERCENT}；占订单金额的比例` },
      expireMonths: { label: '积分有效期（月）' },
    },
  },
  'settings.rating-standard': {
    edit: [['minReviewsForRating', 'reviewWindowDays'], ['warningBelow', 'suspendBelow']],
    fields: {
      minReviewsForRating: { label: '显示评分所需评价数', description: '评价数达到后才在师傅主页显示评分' },
      warningBelow: { label: '预警评分线', description: '综合评分低于此值时提醒运营关注（1–5）' },
      suspendBelow: { label: '暂停接单评分线', description: '综合评分低于此值时暂停该师傅接单（1–5）' },
      reviewWindowDays: { label: '评价期限（天）', description: '服务完成后多少天内可以评价' },
    },
  },
  'settings.exception-rules': {
    edit: [['lateDepartureMinutes', 'lateArrivalMinutes', 'arrivedIdleMinutes'], ['overrunMinutes', 'finalPaymentOverdueMinutes']],
    fields: {
      lateDepartureMinutes: { label: '临近上门未出发（分钟）', description: '服务开始前多少分钟仍未出发即标记' },
      lateArrivalMinutes: { label: '迟到未到达（分钟）', description: '服务开始后多少分钟仍未到达即标记' },
      arrivedIdleMinutes: { label: '到达未开始（分钟）', description: '已到达且过了开始时间多少分钟仍未开始服务即标记' },
      overrunMinutes: { label: '服务超时（分钟）', description: '超过计划结束时间多少分钟仍在服务中即标记' },
      finalPaymentOverdueMinutes: { label: '尾款未付（分钟）', description: '计划结束后多少分钟仍未付尾款即标记' },
    },
  },

  'settings.sms-limits': {
    edit: [['codeTtlSeconds', 'resendSeconds', 'maxVerifyAttempts'], ['maxPerPhonePerDay', 'maxPerIpPerHour']],
    fields: {
      codeTtlSeconds: { label: '验证码有效期（秒）' },
      resendSeconds: { label: '重发间隔（秒）' },
      maxPerPhonePerDay: { label: '每个手机号每天最多' },
      maxPerIpPerHour: { label: '每个 IP 每小时最多' },
      maxVerifyAttempts: { label: '验证码最多尝试次数' },
    },
  },
};
