// Which assets and products a vendor maintains (level 4). This is configuration, not code:
// DEFAULT_VENDORS is what a fresh deployment knows; a deployment replaces it with its own list.
import { z } from 'zod';
import { CATEGORIES } from './support-model.ts';

export const VendorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  contact: z.email(),
  maintains: z.string().min(1).describe('What the vendor maintains, for people'),
  /** Devices are hardware; a system a third party runs for us is a service. */
  category: z.enum(CATEGORIES),
  /** Normalized terms (see classification/signal-lexicon.ts syntax) that identify its items. */
  terms: z.string().min(1),
  contract: z.object({ responseHours: z.number().positive(), resolutionHours: z.number().positive() }),
});
export type Vendor = z.infer<typeof VendorSchema>;
export const VendorCatalogueSchema = z.array(VendorSchema).min(1);

export const DEFAULT_VENDORS: Vendor[] = [
  {
    id: 'printcare',
    category: 'hardware',
    name: 'PrintCare Services',
    contact: 'service@printcare.example.com',
    maintains: 'printers, copiers, multifunction devices, scanners and plotters',
    terms: `printer printers copier photocopier mfp$ multifunction plotter laserjet officejet imagerunner ricoh xerox bizhub konica
      kyocera brother$ lexmark drucker kopierer multifunktion kopieerapparaat imprimante photocopieuse copieur impresora
      fotocopiadora copiadora принтер копир мфу$ toner paper_jam papierstau papierstoring bourrage atasco замят`,
    contract: { responseHours: 4, resolutionHours: 24 },
  },
  {
    id: 'storageworks',
    category: 'hardware',
    name: 'StorageWorks Partner',
    contact: 'support@storageworks.example.com',
    maintains: 'storage appliances: NAS, SAN and arrays',
    terms: 'nas$ san$ netapp synology qnap powerstore dell_emc emc$ 3par nimble storage_array хранилищ схд$',
    contract: { responseHours: 2, resolutionHours: 8 },
  },
  {
    id: 'netsecure',
    category: 'hardware',
    name: 'NetSecure GmbH',
    contact: 'noc@netsecure.example.com',
    maintains: 'network gear: firewalls, switches, routers and Wi-Fi access points',
    terms: `firewall cisco meraki fortinet fortigate palo_alto paloalto juniper ubiquiti unifi aruba switch$ switches router
      access_point accesspoint routeur pare_feu enrutador cortafuegos коммутатор маршрутизатор роутер фаервол точка_доступа`,
    contract: { responseHours: 1, resolutionHours: 8 },
  },
  {
    id: 'hostedapps',
    category: 'service',
    name: 'Hosted Apps Ltd',
    contact: 'helpdesk@hostedapps.example.com',
    maintains: 'third-party-run systems: PayFlow payroll, VoiceHub telephony, DoorKey building access',
    terms: 'payflow voicehub doorkey',
    contract: { responseHours: 4, resolutionHours: 24 },
  },
];
