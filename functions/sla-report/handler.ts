// GET /reports/sla — the SLA report of a period for leads and admins (the declaration's access
// rule refuses everyone else), as JSON or, with format=csv, as CSV.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { SlaReportQuery } from '../../shared/http/report-schemas.ts';
import { slaReport, slaReportCsv } from '../../shared/use-cases/sla-report.ts';

const spec = FUNCTIONS.slaReport;
const wired = wire(spec);
const store = wired.caseStore();

export const handler = httpFunction(
  spec,
  {
    'GET /reports/sla': async (request) => {
      const { from, to, format } = SlaReportQuery.parse(request.query);
      const report = await slaReport(store, { from, to });
      if (format === 'json') return { statusCode: 200, body: report };
      return {
        statusCode: 200,
        text: slaReportCsv(report),
        contentType: 'text/csv; charset=utf-8; header=present',
        headers: { 'content-disposition': `attachment; filename="sla-report-${from}-${to}.csv"` },
      };
    },
  },
  wired.callers(),
);
