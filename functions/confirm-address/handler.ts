// POST /cases/{id}/address-confirmation — the mailbox's owner answers from the case page:
// did you open this request?
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { AddressConfirmationBody, CasePath } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { customerView, loadCaseFor, unconfirmedView } from '../../shared/use-cases/case-access.ts';
import { confirmAddressUseCase } from '../../shared/use-cases/confirm-address.ts';

const spec = FUNCTIONS.confirmAddress;
const wired = wire(spec);
const deps = { store: wired.caseStore(), recipients: wired.recipients(), clock: wired.clock };

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/address-confirmation': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      // Who may touch the case is settled before the body is even read.
      const supportCase = await loadCaseFor(deps.store, request.caller, id);
      // A button with nothing to add sends no body: yes.
      const { openedByMe } = request.event.body
        ? parseBody(request, AddressConfirmationBody)
        : { openedByMe: true };
      const c = await confirmAddressUseCase(deps, request.caller, supportCase, openedByMe);
      const body = openedByMe ? customerView(c, { addressConfirmed: true }) : unconfirmedView(c);
      return { statusCode: 200, body };
    },
  },
  wired.callers(),
);
