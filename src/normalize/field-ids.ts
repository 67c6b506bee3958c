/**
 * The canonical fields of an evaluation record (DESIGN.md §3). Money fields hold 元,
 * rates percent points (98.5), people and items counts. The wording that names each
 * field lives in data/fields.json, not here.
 */
export const FIELD_IDS = [
  'budget.initial',
  'budget.adjustment',
  'budget.total',
  'budget.executed',
  'budget.execution_rate',
  'income.total',
  'income.fiscal',
  'income.other',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.personnel',
  'expenditure.public',
  'expenditure.project',
  'carryover.prior',
  'carryover.year_end',
  'three_public.budget',
  'three_public.actual',
  'three_public.control_rate',
  'three_public.prior_year',
  'three_public.change_rate',
  'public_funds.budget',
  'public_funds.actual',
  'public_funds.control_rate',
  'staffing.authorized',
  'staffing.actual',
  'staffing.retired',
  'staffing.control_rate',
  'assets.original_value',
  'assets.depreciation',
  'assets.net_value',
  'projects.count',
  'projects.budget',
  'projects.executed',
  'projects.execution_rate',
] as const

export type FieldId = (typeof FIELD_IDS)[number]

export function isFieldId(s: string): s is FieldId {
  return (FIELD_IDS as readonly string[]).includes(s)
}
