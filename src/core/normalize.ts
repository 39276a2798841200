/**
 * Turns what people type into something the search can match: lower case, no punctuation noise,
 * and slang or abbreviations spelled out. Typos are left to the fuzzy search.
 */
const EXPANSIONS: Array<[RegExp, string]> = [
  [/\bk8s\b|\bkube\b|\bkubernets\b|\bkubernetis\b|\bkubernates\b|\bkubernete\b/g, 'kubernetes'],
  [/\bperms?\b|\bpermisions?\b/g, 'permissions'],
  [/\bcreds?\b/g, 'credentials'],
  [/\birsa\b/g, 'irsa iam roles for service accounts'],
  [/\bhpa\b/g, 'hpa horizontal pod autoscaler'],
  [/\bvpa\b/g, 'vpa vertical pod autoscaler'],
  [/\bcni\b/g, 'cni networking'],
  [/\bsvc\b/g, 'service'],
  [/\bdeploys?\b/g, 'deployments'],
  [/\bci ?\/ ?cd\b|\bcicd\b/g, 'cicd deployments pipeline'],
  [/\bcp\b/g, 'control plane'],
  [/\bcontrolplane\b/g, 'control plane'],
  [/\bmulti-?cloud\b/g, 'multicloud portability'],
  [/\bon[- ]?prem(ise|ises)?\b/g, 'on-premises hybrid'],
  [/\bgpus\b/g, 'gpu'],
  [/\bml\b/g, 'machine learning gpu'],
  [/\bsm\b/g, 'secrets manager'],
  [/\bssm\b/g, 'ssm parameter store'],
  [/\blb\b|\blbs\b/g, 'load balancer'],
  [/\balb\b/g, 'alb application load balancer'],
  [/\bnlb\b/g, 'nlb network load balancer'],
  [/\bobs\b|\bo11y\b/g, 'observability'],
  [/\bupgrades?\b/g, 'upgrade'],
  [/\bpricier\b|\bmore expensive\b/g, 'cheaper'],
  [/\brecc?omm?end|\brecommand\b/g, 'recommend'],
  [/\bshld\b|\bshud\b/g, 'should'],
  [/\btask ?defs?\b|\btask-defs?\b/g, 'task definition'],
  // Product names whose first word is a stop word would otherwise lose it.
  [/\bservice connect\b/g, 'serviceconnect service connect'],
  [/\b(dc|dcs|data ?cent(er|re)s?|racks?|colo)\b/g, 'datacenter'],
  [/\bdiff?e?re?n(c|s)e\b|\bdiffrence\b|\bdiferen(c|s)e\b/g, 'difference'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bwin(dows)? containers?\b/g, 'windows containers'],
  [/\bgraviton\b/g, 'graviton arm'],
];

export function normalize(text: string): string {
  let t = text.toLowerCase().normalize('NFKC');
  t = t.replace(/^\s*\/ecs-vs-eks\b/, ' ').replace(/\btl\s*;?\s*dr\b/g, 'tldr');
  t = t.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"');
  t = t.replace(/<[@#!][^>]*>/g, ' '); // leftover platform mentions
  t = t.replace(/https?:\/\/\S+/g, ' ');
  t = t.replace(/[^a-z0-9.\-/'?+ ]+/g, ' ');
  for (const [pattern, replacement] of EXPANSIONS) t = t.replace(pattern, replacement);
  return t.replace(/\s+/g, ' ').trim();
}

/** Words that carry no topic signal in this domain; removed before searching. */
export const STOP_WORDS = new Set(
  `a an the and or but if of to in on at for from by with without about as is are was were be been being
  do does did doing done have has had having i me my we our us you your they them their it its this that these
  those what whats what's which who whom how why when where can could should would will shall may might must
  vs versus between compare comparison difference differences diff differ vs. than then there here so just
  ecs eks amazon aws elastic container service kubernetes k8s work works working handle handles handled
  tell explain know need want like please thanks thank hey hi hello bot quick q question questions any some
  more less most least also too very really actually get gets got use uses using used one each both either
  other others whats isnt dont doesnt im ive youre theyre lets let me give show say said go going into out up
  down over under again same new way ways thing things stuff does it's its is per much good lol tldr bit part piece section pls plz
  ok okay yes no yeah exactly kinda sort`.split(/\s+/),
);

export function contentWords(normalized: string): string[] {
  return normalized
    .split(/[\s/?]+/)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}
