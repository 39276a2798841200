// Public types of the cost engine. Amounts are full precision in memory; rounding happens on output.
import type { Source } from '../knowledge/schema.ts';

export type Compute = 'fargate' | 'ec2' | 'auto-mode';
export type Support = 'standard' | 'extended';
export type Arch = 'x86' | 'arm';
export type Os = 'linux' | 'windows';

/** Shared infrastructure, the same on both sides; all 0 unless asked for. */
export interface CostExtras {
  /** Application Load Balancers. */
  alb: number;
  /** Average LCUs per ALB over the month. */
  albLcus: number;
  /** NAT gateways (usually one per AZ). */
  natGateways: number;
  /** GB per month processed by the NAT gateways, in total. */
  natGb: number;
  /** GB per month of CloudWatch Logs ingestion (Standard class). */
  logsGb: number;
  /** Public IPv4 addresses. */
  publicIps: number;
}

/** Compute hours pattern; null when the monthly hours were given directly. */
export interface HoursSchedule {
  hoursPerDay: number;
  daysPerWeek: number;
}

/** Fields that can be left to a default; listed in the estimate's assumptions while still defaulted. */
export type DefaultableField =
  | 'compute'
  | 'tasks'
  | 'vcpu'
  | 'memoryGb'
  | 'instanceType'
  | 'nodes'
  | 'region'
  | 'clusters'
  | 'support'
  | 'arch'
  | 'os'
  | 'spot'
  | 'hours'
  | 'extras';

export interface CostRequest {
  compute: Compute;
  /** Running copies: ECS tasks on one side, Kubernetes pods on the other. */
  tasks: number;
  /** Per task/pod (Fargate). */
  vcpu: number;
  memoryGb: number;
  /** Per task; 20 GB are included, more is billed on ECS Fargate. */
  ephemeralGb: number;
  /** EC2 / Auto Mode node type. */
  instanceType: string;
  nodes: number;
  region: string;
  /** EKS clusters (ECS clusters are free). */
  clusters: number;
  support: Support;
  arch: Arch;
  os: Os;
  gpu: boolean;
  /** Fargate Spot on ECS (EC2 Spot prices are not in the snapshot). */
  spot: boolean;
  /** Compute hours per month; 730 = 24/7. */
  hoursPerMonth: number;
  hoursLabel: string;
  schedule: HoursSchedule | null;
  extras: CostExtras;
  /** Fields still at their default value. */
  defaults: DefaultableField[];
}

export type CostParse =
  | { ok: true; request: CostRequest; changed: string[] }
  | { ok: false; problems: string[] };

export type LineKind = 'compute' | 'auto-mode-fee' | 'control-plane' | 'shared';

export interface LineItem {
  label: string;
  monthlyUsd: number;
  /** The arithmetic, e.g. "6 x 0.5 vCPU x $0.04048 x 730 h". */
  formula: string;
  kind: LineKind;
}

export interface SideEstimate {
  /** e.g. "ECS on Fargate", "EKS on EC2 (managed node group)". */
  platform: string;
  /** Null when the side cannot be priced; then `reason` says why. */
  monthlyUsd: number | null;
  yearlyUsd: number | null;
  lineItems: LineItem[];
  reason?: string;
  notes: string[];
  /** When a price is missing: the sum of the lines that could be priced (not a total). */
  pricedPartMonthlyUsd?: number;
  /** Fargate Spot: on-demand ceiling and the floor at the maximum discount. */
  monthlyRangeUsd?: { min: number; max: number };
}

export interface Estimate {
  region: string;
  regionName: string;
  hoursPerMonth: number;
  hoursLabel: string;
  ecs: SideEstimate;
  eks: SideEstimate;
  /** EKS minus ECS, from the cent-rounded totals; null when either side is unpriced. */
  differenceMonthlyUsd: number | null;
  differenceYearlyUsd: number | null;
  verdict: string;
  assumptions: string[];
  /** The oldest as-of date among the prices used. */
  pricesAsOf: string;
  snapshotDate: string;
  currency: 'USD';
  sources: Source[];
  warnings: string[];
  request: CostRequest;
}
