// Fargate task/pod sizes and the EKS pod rounding rule.
// Sizes: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
// EKS rounding: https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html

export const EKS_FARGATE_DOC =
  'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html';
export const FARGATE_SIZES_DOC =
  'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html';
/** kubelet, kube-proxy and containerd reserve on every EKS Fargate pod. */
export const EKS_POD_OVERHEAD_GB = 0.25;

interface Tier {
  vcpu: number;
  memory: number[];
  text: string;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

export const FARGATE_TIERS: readonly Tier[] = [
  { vcpu: 0.25, memory: [0.5, 1, 2], text: '0.5, 1 or 2 GB' },
  { vcpu: 0.5, memory: range(1, 4, 1), text: '1-4 GB in 1 GB steps' },
  { vcpu: 1, memory: range(2, 8, 1), text: '2-8 GB in 1 GB steps' },
  { vcpu: 2, memory: range(4, 16, 1), text: '4-16 GB in 1 GB steps' },
  { vcpu: 4, memory: range(8, 30, 1), text: '8-30 GB in 1 GB steps' },
  { vcpu: 8, memory: range(16, 60, 4), text: '16-60 GB in 4 GB steps' },
  { vcpu: 16, memory: range(32, 120, 8), text: '32-120 GB in 8 GB steps' },
];

export const VALID_VCPUS = FARGATE_TIERS.map((t) => t.vcpu);
export const MAX_FARGATE_MEMORY_GB = 120;

export function tierFor(vcpu: number): Tier | undefined {
  return FARGATE_TIERS.find((t) => t.vcpu === vcpu);
}

export function formatGb(gb: number): string {
  return `${Number(gb.toFixed(3))} GB`;
}

export function formatVcpu(v: number): string {
  return `${Number(v.toFixed(4))} vCPU`;
}

export function validSizesText(vcpu: number): string {
  const t = tierFor(vcpu);
  return t ? `${formatVcpu(vcpu)} allows ${t.text}` : '';
}

/** Null when the pair is a valid Fargate size; otherwise a message naming what is valid. */
export function checkFargateSize(vcpu: number, memoryGb: number): string | null {
  const t = tierFor(vcpu);
  if (!t) {
    return `${formatVcpu(vcpu)} is not a Fargate size: valid vCPU values are ${VALID_VCPUS.join(', ')}`;
  }
  if (!t.memory.some((m) => Math.abs(m - memoryGb) < 1e-9)) {
    const fits = FARGATE_TIERS.filter((x) => x.memory.some((m) => Math.abs(m - memoryGb) < 1e-9)).map((x) =>
      formatVcpu(x.vcpu),
    );
    const hint = fits.length ? ` (${formatGb(memoryGb)} is valid with ${fits.join(' or ')})` : '';
    return `${formatGb(memoryGb)} is not valid with ${formatVcpu(vcpu)}: ${validSizesText(vcpu)}${hint}`;
  }
  return null;
}

/** Smallest valid memory for a vCPU tier (used when only vCPU is given). */
export function defaultMemoryFor(vcpu: number): number | undefined {
  return tierFor(vcpu)?.memory[0];
}

/** Smallest vCPU tier that allows this memory (used when only memory is given). */
export function defaultVcpuFor(memoryGb: number): number | undefined {
  return FARGATE_TIERS.find((t) => t.memory.some((m) => Math.abs(m - memoryGb) < 1e-9))?.vcpu;
}

/** Nearest valid memory within a tier (used when a what-if changes vCPU and the carried memory no longer fits). */
export function clampMemory(vcpu: number, memoryGb: number): number | undefined {
  const t = tierFor(vcpu);
  if (!t) return undefined;
  return t.memory.find((m) => m >= memoryGb - 1e-9) ?? t.memory.at(-1);
}

export interface EksPodSize {
  vcpu: number;
  memoryGb: number;
  /** Request memory + 256 MB, before rounding. */
  requestedGb: number;
}

/**
 * EKS on Fargate: add 256 MB to the pod's memory request, then round up to the next valid Fargate size
 * (smallest vCPU tier >= the request whose memory list has a value >= request + 256 MB).
 * Null when no Fargate size is large enough.
 */
export function eksFargatePodSize(vcpu: number, memoryGb: number): EksPodSize | null {
  const requestedGb = memoryGb + EKS_POD_OVERHEAD_GB;
  for (const t of FARGATE_TIERS) {
    if (t.vcpu < vcpu - 1e-9) continue;
    const m = t.memory.find((x) => x >= requestedGb - 1e-9);
    if (m !== undefined) return { vcpu: t.vcpu, memoryGb: m, requestedGb };
  }
  return null;
}
