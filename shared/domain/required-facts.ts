// Which facts each kind of problem needs, so that an agent never has to ask for them. Plain
// data with no dependencies: the classifier uses it, and the classifier's cold start counts.
export const FACTS = [
  'phone',
  'product',
  'version',
  'asset',
  'errorText',
  'steps',
  'since',
  'affectedUsers',
] as const;
export type Fact = (typeof FACTS)[number];

/** The kinds of problem intake distinguishes; each needs different facts. */
export type ProblemKind =
  | 'how-to'
  | 'request'
  | 'software-fault'
  | 'hardware-fault'
  | 'service-outage'
  | 'vendor-item';

const FACTS_BY_KIND: Record<ProblemKind, readonly Fact[]> = {
  'how-to': [],
  request: [],
  'software-fault': ['product', 'version', 'errorText', 'steps', 'since', 'affectedUsers'],
  'hardware-fault': ['asset', 'errorText', 'since', 'affectedUsers'],
  'service-outage': ['since', 'affectedUsers', 'errorText'],
  'vendor-item': ['asset', 'product', 'errorText', 'since', 'affectedUsers'],
};

/**
 * The facts this kind of problem needs that the customer has not given yet — neither in a
 * form field nor in their own words (an error code or a version number in the description
 * counts). A technical callback (level 2) also needs a phone number to call.
 */
export function missingFactsFor(kind: ProblemKind, level: number, present: ReadonlySet<Fact>): Fact[] {
  const needed = new Set<Fact>(FACTS_BY_KIND[kind]);
  if (level === 2) needed.add('phone');
  return FACTS.filter((fact) => needed.has(fact) && !present.has(fact));
}
