/**
 * Chinese names for the demo: people (姓 + 名) and customers (city + 字号 + industry + legal
 * form, government bodies, schools). Surnames are weighted roughly by how common they are.
 */
import type { Random } from './random.ts';

const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周'.split('');
const OTHER_SURNAMES =
  '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔向汤'.split(
    '',
  );
const GIVEN_CHARS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建波宁浩宇晨欣怡佳琪子涵梓轩雨萱思远博文俊杰嘉怡一鸣晓东海峰志强雪梅丹丹立新国庆春华'.split(
    '',
  );

/** A person's name: a surname and one or two given-name characters. */
export function personName(random: Random): string {
  const surname = random.chance(0.55) ? random.pick(COMMON_SURNAMES) : random.pick(OTHER_SURNAMES);
  const given = random.chance(0.3)
    ? random.pick(GIVEN_CHARS)
    : random.pick(GIVEN_CHARS) + random.pick(GIVEN_CHARS);
  return surname + given;
}

/** Sales region labels as customers carry them (and goals filter on). */
export const CUSTOMER_REGIONS = ['华东', '华北', '华南', '西部'] as const;
export type CustomerRegion = (typeof CUSTOMER_REGIONS)[number];

export const CITIES: Readonly<Record<CustomerRegion, readonly string[]>> = {
  华东: ['上海', '杭州', '南京', '苏州', '宁波', '合肥', '无锡', '济南', '青岛'],
  华北: ['北京', '天津', '石家庄', '太原', '呼和浩特', '唐山'],
  华南: ['广州', '深圳', '东莞', '佛山', '厦门', '福州', '南宁'],
  西部: ['成都', '重庆', '西安', '昆明', '贵阳', '兰州'],
};

const BRAND_CHARS = '华信联创恒达鑫泰盛隆宏远天瑞博安中科新源卓越金海汇通佳瑞明康永昌正和星辰云帆'.split('');
const INDUSTRIES = [
  '电子科技',
  '信息技术',
  '网络科技',
  '智能制造',
  '机械设备',
  '精密仪器',
  '医药',
  '生物科技',
  '物流',
  '供应链管理',
  '商贸',
  '食品',
  '服饰',
  '新材料',
  '汽车零部件',
  '建筑工程',
  '环保科技',
  '化工',
  '连锁餐饮',
  '家居',
  '文化传媒',
  '能源',
];
const AGENCIES = [
  '税务局',
  '市场监督管理局',
  '人民医院',
  '公安局',
  '自然资源局',
  '人力资源和社会保障局',
  '交通运输局',
  '政务服务中心',
  '中医院',
  '住房公积金管理中心',
  '教育局',
  '卫生健康委员会',
  '统计局',
  '应急管理局',
  '生态环境局',
  '妇幼保健院',
];
const SCHOOLS = [
  '第一中学',
  '实验中学',
  '外国语学校',
  '职业技术学院',
  '理工学院',
  '师范学院',
  '实验小学',
  '开放大学',
  '第二中学',
  '医学院',
  '科技大学',
  '财经学院',
  '技师学院',
  '艺术学校',
];

const DISTRICTS = ['高新区', '经开区', '新区', '城东区', '城西区', '城南区', '城北区', '滨江区'];
const NUMERALS = '一二三四五六七八九十'.split('').concat(['十一', '十二', '十三', '十四', '十五', '十六']);

export type CustomerType = 'enterprise' | 'smb' | 'government' | 'education';

/** A customer name that reads like its type: 苏州华信电子科技股份有限公司, 成都市税务局, 西安理工学院. */
export function customerName(random: Random, type: CustomerType, city: string): string {
  switch (type) {
    case 'government':
      return `${city}市${random.chance(0.5) ? random.pick(DISTRICTS) : ''}${random.pick(AGENCIES)}`;
    case 'education':
      return random.chance(0.4)
        ? `${city}市第${random.pick(NUMERALS)}中学`
        : `${city}${random.pick(SCHOOLS)}`;
    case 'enterprise':
      return `${city}${brand(random)}${random.pick(INDUSTRIES)}${random.chance(0.4) ? '集团有限公司' : '股份有限公司'}`;
    case 'smb':
      return `${city}${brand(random)}${random.pick(INDUSTRIES)}有限公司`;
  }
}

const brand = (random: Random) => random.pick(BRAND_CHARS) + random.pick(BRAND_CHARS);

/** Makes a name unique among those already used: a second 某某有限公司 becomes 某某有限公司高新区分公司. */
export function uniqueName(name: string, used: Set<string>, random: Random): string {
  const districts = ['高新区', '开发区', '经开区', '新区', '东城', '西城', '南城', '北城'];
  let candidate = name;
  for (let attempt = 1; used.has(candidate); attempt++) {
    const district = attempt <= 8 ? random.pick(districts) : `第${attempt}`;
    candidate = name.endsWith('公司') ? `${name}${district}分公司` : `${name}（${district}）`;
  }
  used.add(candidate);
  return candidate;
}
