// Which assets and products a vendor maintains (level 4). This is configuration, not code: the
// catalogue is data in shared/config/vendor-catalogue.json, which a deployment edits; it is
// validated here when a function starts, so a broken catalogue stops the function at once
// with the path of the wrong field. zod/mini, not zod: the classifier loads this module, and
// its cold start is measured (full zod costs ~15 ms to load, mini ~2 ms).
import * as z from 'zod/mini';
import catalogue from '../config/vendor-catalogue.json' with { type: 'json' };
import { CATEGORIES } from './support-model.ts';

const text = z.string().check(z.minLength(1));

export const VendorSchema = z.object({
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
  contract: z.object({
    responseHours: z.number().check(z.positive()),
    resolutionHours: z.number().check(z.positive()),
  }),
});
export type Vendor = z.output<typeof VendorSchema>;
export const VendorCatalogueSchema = z.array(VendorSchema).check(z.minLength(1));

/** The catalogue this deployment ships with (shared/config/vendor-catalogue.json). */
export const VENDOR_CATALOGUE: readonly Vendor[] = VendorCatalogueSchema.parse(catalogue);
