// POST /cases/{id}/address-confirmation — the mailbox's owner confirms it from the case page.
import { wire } from '../../shared/adapters/wiring.ts';
import { CasePath } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { customerView } from '../../shared/use-cases/case-access.ts';
import { confirmAddressUseCase } from '../../shared/use-cases/confirm-address.ts';
import { FUNCTIONS } from '../system.ts';

const spec = FUNCTIONS.confirmAddress;
const wired = wire(spec);
const deps = { store: wired.caseStore(), recipients: wired.recipients(), clock: wired.clock };

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/address-confirmation': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const c = await confirmAddressUseCase(deps, request.caller, id);
      return { statusCode: 200, body: customerView(c, { addressConfirmed: true }) };
    },
  },
  wired.callers(),
);
