// Which assets and products a vendor maintains (level 4). This is configuration, not code: the
// catalogue is data in config/default/vendor-catalogue.json, which a deployment edits; it is
// validated here when a function starts, so a broken catalogue stops the function at once
// with the path of the wrong field. zod/mini, not zod: the classifier loads this module, and
// its cold start is measured (full zod costs ~15 ms to load, mini ~2 ms).
//
// A vendor entry (JSON):
//   id                unique, lower case: what a case stores to know its vendor
//   name, contact, maintains, category, contract
//   terms             the words that name its items, in lexicon syntax (see `terms` below)
//   ambiguous         optional: those of `terms` that may name something else — a person or a
//                     place ("brother$", "aruba", "san$"), an everyday word ("switch$"), or a
//                     maker of things the vendor does not maintain (Kyocera phones, Cisco VPN
//                     clients). Such a term is evidence for level 4 only with another term of
//                     the same vendor or a model number within three words ("our Brother
//                     printer", "Brother HL-L2350", "Drucker von Kyocera", "Cisco switch");
//                     alone it is only a hint at the category. docs/classification-guide.md
//                     ("Vendor catalogue") has the rule.
//   referencePattern  a regular expression (JavaScript syntax, compiled with the `u` flag) that
//                     finds the vendor's own ticket reference in its reply, e.g. "\\bPC-\\d{6}\\b";
//                     with a capturing group, the group is the reference (vendorReferenceIn).
import * as z from 'zod/mini';
import { CATEGORIES } from './support-model.ts';

const text = z.string().check(z.minLength(1));

/** The flags a referencePattern is compiled with. */
const REFERENCE_FLAGS = 'u';

const ReferencePatternSchema = z.string().check(
  z.minLength(1),
  z.superRefine((pattern, ctx) => {
    let compiled: RegExp;
    try {
      compiled = new RegExp(pattern, REFERENCE_FLAGS);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        input: pattern,
        message: `referencePattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`,
      });
      return;
    }
    // A pattern that matches nothing at all would "find" a reference in every reply.
    if (compiled.test('')) {
      ctx.addIssue({
        code: 'custom',
        input: pattern,
        message: `referencePattern ${JSON.stringify(pattern)} matches an empty text: it must require the reference's characters`,
      });
    }
  }),
);

export const VendorSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    name: text,
    /** Where the hand-off goes once the customer agrees. */
    contact: z.email(),
    /** What the vendor maintains, for people. */
    maintains: text,
    /** Devices are hardware; a system a third party runs for us is a service. */
    category: z.enum(CATEGORIES),
    /**
     * Normalized terms that identify its items (signal-lexicon.ts syntax: `_` joins words of a
     * phrase, `$` means the whole word only, otherwise a word prefix).
     */
    terms: z.pipe(
      z.array(text).check(z.minLength(1)),
      z.transform((terms) => terms.join(' ')),
    ),
    /**
     * Those of `terms` (written exactly as there) that may name something the vendor does not
     * maintain: evidence for level 4 only with another of its terms or a model number within
     * three words; alone, a category hint. Without it every term is evidence on its own.
     */
    ambiguous: z.optional(z.array(text)),
    /**
     * Finds the vendor's own ticket reference in its reply: a regular expression (compiled with
     * the `u` flag) that must compile and must not match an empty text. With a capturing group,
     * the first group is the reference; otherwise the whole match.
     */
    referencePattern: ReferencePatternSchema,
    contract: z.object({
      responseHours: z.number().check(z.positive()),
      resolutionHours: z.number().check(z.positive()),
    }),
  })
  .check(
    z.superRefine((vendor, ctx) => {
      const terms = new Set(vendor.terms.split(' '));
      for (const [i, term] of (vendor.ambiguous ?? []).entries()) {
        if (!terms.has(term)) {
          ctx.addIssue({
            code: 'custom',
            input: term,
            path: ['ambiguous', i],
            message: `ambiguous term ${JSON.stringify(term)} is not one of the vendor's terms`,
          });
        }
      }
    }),
  );
export type Vendor = z.output<typeof VendorSchema>;
export const VendorCatalogueSchema = z.array(VendorSchema).check(
  z.minLength(1),
  z.superRefine((vendors, ctx) => {
    const seen = new Set<string>();
    for (const [i, vendor] of vendors.entries()) {
      if (seen.has(vendor.id)) {
        ctx.addIssue({
          code: 'custom',
          input: vendor.id,
          path: [i, 'id'],
          message: `vendor id ${JSON.stringify(vendor.id)} appears twice`,
        });
      }
      seen.add(vendor.id);
    }
  }),
);

/**
 * A catalogue from its JSON, validated; a broken one throws an error that names each wrong field
 * (`→ at [0].referencePattern`).
 */
export function parseVendorCatalogue(data: unknown, source = 'vendor catalogue'): Vendor[] {
  const parsed = VendorCatalogueSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The vendor with this id (what a case stores), or undefined when the catalogue has none. */
export function vendorById(id: string, vendors: readonly Vendor[]): Vendor | undefined {
  return vendors.find((vendor) => vendor.id === id);
}

const compiledPatterns = new Map<string, RegExp>();

/**
 * The vendor's own ticket reference in `text` (its reply), by its `referencePattern`: the first
 * match — its first capturing group when the pattern has one — or undefined when there is none.
 */
export function vendorReferenceIn(
  vendor: Pick<Vendor, 'referencePattern'>,
  text: string,
): string | undefined {
  let pattern = compiledPatterns.get(vendor.referencePattern);
  if (!pattern) {
    pattern = new RegExp(vendor.referencePattern, REFERENCE_FLAGS);
    compiledPatterns.set(vendor.referencePattern, pattern);
  }
  const match = pattern.exec(text);
  if (!match) return undefined;
  // A group that took no part in the match (an alternative without it) leaves the whole match.
  return (match[1] ?? match[0]) || undefined;
}
