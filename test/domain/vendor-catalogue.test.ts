// The vendor catalogue (shared/config/vendor-catalogue.json) is validated when a function starts:
// a broken entry stops it with the path of the wrong field. Here: what is rejected and why, and
// the helpers the vendor hand-off uses (vendorById, vendorReferenceIn).
import { describe, expect, it } from 'vitest';
import { VENDOR_CATALOGUE } from '../../shared/config/this-deployment.ts';
import {
  parseVendorCatalogue,
  type Vendor,
  vendorById,
  vendorReferenceIn,
} from '../../shared/domain/vendor-catalogue.ts';

const entry = (changes: Record<string, unknown> = {}) => ({
  id: 'printcare',
  category: 'hardware',
  name: 'PrintCare Services',
  contact: 'service@printcare.example.com',
  maintains: 'printers',
  terms: ['printer', 'brother$'],
  ambiguous: ['brother$'],
  referencePattern: '\\bPC-\\d{6}\\b',
  contract: { responseHours: 4, resolutionHours: 24 },
  ...changes,
});
const rejection = (data: unknown): string => {
  try {
    parseVendorCatalogue(data);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the catalogue was accepted');
};

describe('the shipped vendor catalogue', () => {
  it('gives every vendor a unique id, a reference pattern, and ambiguous terms among its terms', () => {
    expect(VENDOR_CATALOGUE.length).toBeGreaterThan(0);
    expect(new Set(VENDOR_CATALOGUE.map((v) => v.id)).size).toBe(VENDOR_CATALOGUE.length);
    for (const vendor of VENDOR_CATALOGUE) {
      expect(() => new RegExp(vendor.referencePattern, 'u')).not.toThrow();
      const terms = vendor.terms.split(' ');
      for (const term of vendor.ambiguous ?? []) expect(terms).toContain(term);
    }
  });

  it.each([
    ['printcare', 'Ihre Meldung wurde unter PC-104711 erfasst.', 'PC-104711'],
    ['storageworks', 'Case SWP-2026-00471 opened, an engineer will call you.', 'SWP-2026-00471'],
    ['netsecure', 'Ticket NOC-0012345: we are looking into the switch.', 'NOC-0012345'],
    ['hostedapps', 'Re: PayFlow error [HA-PAY-00815]', 'HA-PAY-00815'],
  ])('finds the reference of %s in its reply', (id, reply, reference) => {
    const vendor = vendorById(id, VENDOR_CATALOGUE) as Vendor;
    expect(vendor).toBeDefined();
    expect(vendorReferenceIn(vendor, reply)).toBe(reference);
    // Our own case reference is not the vendor's.
    expect(vendorReferenceIn(vendor, 'Re: [TD-7K3QX9M] Printer fault')).toBeUndefined();
  });

  it('marks brands that name other things as ambiguous, and product lines as not', () => {
    const printcare = vendorById('printcare', VENDOR_CATALOGUE) as Vendor;
    expect(printcare.ambiguous).toEqual(expect.arrayContaining(['brother$', 'kyocera']));
    expect(printcare.ambiguous).not.toContain('laserjet');
    expect(printcare.ambiguous).not.toContain('imagerunner');
    expect(printcare.ambiguous).not.toContain('bizhub');
  });
});

describe('vendorById', () => {
  it('finds a vendor by id, and nothing for an unknown id', () => {
    expect(vendorById('netsecure', VENDOR_CATALOGUE)?.name).toBe('NetSecure GmbH');
    expect(vendorById('no-such-vendor', VENDOR_CATALOGUE)).toBeUndefined();
  });

  it('looks in the catalogue it is given', () => {
    const [own] = parseVendorCatalogue([entry({ id: 'own-printers' })]);
    expect(vendorById('own-printers', [own as Vendor])).toBe(own);
    expect(vendorById('printcare', [own as Vendor])).toBeUndefined();
  });
});

describe('vendorReferenceIn', () => {
  const printcare = { referencePattern: '\\bPC-\\d{6}\\b' };

  it('returns the first reference, or undefined when there is none', () => {
    expect(vendorReferenceIn(printcare, 'PC-123456 and later PC-654321')).toBe('PC-123456');
    expect(vendorReferenceIn(printcare, 'Thank you for your message.')).toBeUndefined();
    expect(vendorReferenceIn(printcare, 'PC-1234567 is too long, XPC-123456 is not ours')).toBeUndefined();
  });

  it('returns the first capturing group when the pattern has one', () => {
    const grouped = { referencePattern: 'Ticket(?:nummer)?\\s*#?(\\d{5,})' };
    expect(vendorReferenceIn(grouped, 'Ihre Ticketnummer 4711815 ist eröffnet.')).toBe('4711815');
    expect(vendorReferenceIn(grouped, 'Ticket #12345')).toBe('12345');
    // An alternative without the group gives the whole match.
    const either = { referencePattern: 'ref (\\d{4,})|\\bSR\\d{6}\\b' };
    expect(vendorReferenceIn(either, 'Service request SR123456')).toBe('SR123456');
  });
});

describe('catalogue validation', () => {
  it('accepts a valid entry, with or without ambiguous terms', () => {
    const [vendor] = parseVendorCatalogue([entry({ ambiguous: undefined })]);
    expect(vendor).toMatchObject({
      id: 'printcare',
      terms: 'printer brother$',
      referencePattern: '\\bPC-\\d{6}\\b',
    });
    expect(vendor?.ambiguous).toBeUndefined();
  });

  it('rejects a referencePattern that does not compile, naming the field and the cause', () => {
    const message = rejection([entry({ referencePattern: 'PC-(\\d{6}' })]);
    expect(message).toContain('is not a valid regular expression');
    expect(message).toContain('PC-(\\\\d{6}');
    expect(message).toMatch(/at \[0\]\.referencePattern/);
  });

  it('rejects a missing or empty referencePattern, and one that matches an empty text', () => {
    const { referencePattern: _, ...without } = entry();
    expect(rejection([without])).toMatch(/referencePattern/);
    expect(rejection([entry({ referencePattern: '' })])).toMatch(/referencePattern/);
    expect(rejection([entry({ referencePattern: '\\d*' })])).toContain('matches an empty text');
  });

  it('rejects an ambiguous term that is not one of the vendor’s terms', () => {
    const message = rejection([entry({ ambiguous: ['brother'] })]);
    expect(message).toContain('ambiguous term "brother" is not one of the vendor\'s terms');
    expect(message).toMatch(/at \[0\]\.ambiguous\[0\]/);
  });

  it('rejects two vendors with one id', () => {
    expect(rejection([entry(), entry()])).toContain('vendor id "printcare" appears twice');
  });
});
