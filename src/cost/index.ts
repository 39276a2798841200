// The cost engine's public API: parse a cost question, price ECS and EKS side by side, export the result.

export { type EstimateOptions, estimateCost, STALE_AFTER_DAYS } from './estimate.ts';
export { EKS_FARGATE_DOC, eksFargatePodSize, FARGATE_TIERS } from './fargate.ts';
export {
  type ContractEstimate,
  compareEstimates,
  estimateToCsv,
  estimateToJson,
  estimateToText,
  toContractEstimate,
} from './format.ts';
export { BUSINESS_HOURS, HOURS_PER_MONTH } from './hours.ts';
export { describeChange, formatUsd, roundCents } from './money.ts';
export { defaultRequest, hasCostSignals, type ParseOptions, parseCostRequest } from './parse.ts';
export { REGIONS, resolveRegion } from './regions.ts';
export {
  clearPricingCache,
  DEFAULT_PRICING_DIR,
  loadPricingSnapshot,
  type PriceEntry,
  type PricingSnapshot,
  validatePricingDir,
} from './snapshot.ts';
export type {
  Arch,
  Compute,
  CostExtras,
  CostParse,
  CostRequest,
  DefaultableField,
  Estimate,
  HoursSchedule,
  LineItem,
  Os,
  SideEstimate,
  Support,
} from './types.ts';
export { LIMITS } from './validate.ts';
