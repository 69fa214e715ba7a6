/**
 * The product catalogue: three product lines with the price ranges and gross margins a
 * Chinese B2B software-and-hardware vendor would have (software sells at ~85% margin,
 * hardware at ~25%, services at ~45%).
 */
import type { ProductRecord } from './types.ts';

export const PRODUCT_LINES = ['软件', '硬件', '服务'] as const;
export type ProductLine = (typeof PRODUCT_LINES)[number];

export interface Product {
  readonly id: string;
  readonly name: string;
  readonly line: ProductLine;
  /** Typical order value in yuan for an average (smb-sized) deal. */
  readonly minPrice: number;
  readonly maxPrice: number;
  /** Gross margin range, as a fraction of the amount. */
  readonly margin: readonly [number, number];
  /** How often it sells, relative to the others. */
  readonly popularity: number;
}

const product = (
  id: string,
  name: string,
  line: ProductLine,
  price: [number, number],
  margin: [number, number],
  popularity: number,
): Product => ({ id, name, line, minPrice: price[0], maxPrice: price[1], margin, popularity });

export const PRODUCTS: readonly Product[] = [
  product('P001', '达成CRM 标准版（年订阅）', '软件', [6_800, 38_000], [0.82, 0.9], 10),
  product('P002', '达成CRM 专业版（年订阅）', '软件', [28_000, 120_000], [0.84, 0.92], 7),
  product('P003', '达成CRM 旗舰版（年订阅）', '软件', [98_000, 360_000], [0.85, 0.92], 3),
  product('P004', '移动销售助手（年订阅）', '软件', [3_600, 24_000], [0.8, 0.9], 8),
  product('P005', '数据分析平台', '软件', [45_000, 180_000], [0.78, 0.88], 4),
  product('P006', '电子签章模块', '软件', [8_000, 30_000], [0.8, 0.9], 5),
  product('P007', '私有化部署授权', '软件', [150_000, 600_000], [0.75, 0.85], 1.5),
  product('P008', '智能门店终端 T1', '硬件', [4_500, 28_000], [0.18, 0.28], 6),
  product('P009', '收银一体机 POS-20', '硬件', [3_200, 19_000], [0.2, 0.3], 6),
  product('P010', '手持扫码终端 H5', '硬件', [2_400, 16_000], [0.22, 0.32], 5),
  product('P011', '边缘计算服务器 E200', '硬件', [38_000, 160_000], [0.15, 0.25], 2),
  product('P012', '会议平板 86寸', '硬件', [16_000, 52_000], [0.18, 0.28], 3),
  product('P013', '网络安全网关', '硬件', [12_000, 68_000], [0.25, 0.35], 2.5),
  product('P014', '标准实施服务', '服务', [15_000, 60_000], [0.4, 0.5], 5),
  product('P015', '定制开发（人天）', '服务', [20_000, 200_000], [0.35, 0.5], 3),
  product('P016', '系统集成服务', '服务', [50_000, 300_000], [0.3, 0.42], 1.5),
  product('P017', '年度运维服务', '服务', [8_000, 48_000], [0.45, 0.6], 5),
  product('P018', '用户培训', '服务', [3_000, 15_000], [0.5, 0.65], 4),
  product('P019', '数据迁移服务', '服务', [10_000, 45_000], [0.4, 0.55], 2),
  product('P020', '驻场技术支持（月）', '服务', [12_000, 36_000], [0.3, 0.45], 2),
];

export const productRecords = (): ProductRecord[] =>
  PRODUCTS.map(({ id, name, line }) => ({ id, name, line }));
