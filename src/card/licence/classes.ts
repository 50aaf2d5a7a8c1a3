/**
 * The 免許の種類 and their 年月日 tags of DF1/EF01 (jpki-card.md §9.3; TRET `convertToMatters`,
 * which names them in the same order). `22`–`24` are the three dates printed on the face's left
 * (二・小・原 = the first of 二輪・小特・原付, 他 = the first other class, 二種 = the first 第二種);
 * `25`–`33` are one class each. `FRONT_ORDER` is the order of the class grid printed on the face of
 * a licence since 2017 (準中型 added; 道路交通法施行規則 別記様式第十四).
 */
export interface ClassDef {
  readonly tag: number;
  /** Stable code for the UI and tests. */
  readonly code: string;
  /** The abbreviation printed on the licence. */
  readonly name: string;
  /** One of the three summary dates rather than a class of its own. */
  readonly summary: boolean;
}

export const CLASS_DEFS: readonly ClassDef[] = [
  { tag: 0x22, code: 'two-small-moped', name: '二・小・原', summary: true },
  { tag: 0x23, code: 'other', name: '他', summary: true },
  { tag: 0x24, code: 'second-class', name: '二種', summary: true },
  { tag: 0x25, code: 'large', name: '大型', summary: false },
  { tag: 0x26, code: 'ordinary', name: '普通', summary: false },
  { tag: 0x27, code: 'large-special', name: '大特', summary: false },
  { tag: 0x28, code: 'large-motorcycle', name: '大自二', summary: false },
  { tag: 0x29, code: 'ordinary-motorcycle', name: '普自二', summary: false },
  { tag: 0x2a, code: 'small-special', name: '小特', summary: false },
  { tag: 0x2b, code: 'moped', name: '原付', summary: false },
  { tag: 0x2c, code: 'towing', name: 'け引', summary: false },
  { tag: 0x2d, code: 'large-2', name: '大二', summary: false },
  { tag: 0x2e, code: 'ordinary-2', name: '普二', summary: false },
  { tag: 0x2f, code: 'large-special-2', name: '大特二', summary: false },
  { tag: 0x30, code: 'towing-2', name: 'け引二', summary: false },
  { tag: 0x31, code: 'medium', name: '中型', summary: false },
  { tag: 0x32, code: 'medium-2', name: '中二', summary: false },
  { tag: 0x33, code: 'semi-medium', name: '準中型', summary: false },
];

/** The grid on the face: 大型 中型 準中型 普通 大特 大自二 普自二 小特 原付 け引 / 大二 中二 普二 大特二 け引二. */
export const FRONT_ORDER: readonly string[] = [
  'large', 'medium', 'semi-medium', 'ordinary', 'large-special', 'large-motorcycle', 'ordinary-motorcycle', 'small-special', 'moped', 'towing',
  'large-2', 'medium-2', 'ordinary-2', 'large-special-2', 'towing-2',
];

export const CLASS_BY_TAG: ReadonlyMap<number, ClassDef> = new Map(CLASS_DEFS.map((c) => [c.tag, c]));
