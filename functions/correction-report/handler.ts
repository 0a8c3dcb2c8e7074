// GET /reports/corrections — what agents corrected in a period, per language and per signal or
// routing rule, for leads and admins (the declaration's access rule refuses everyone else), as
// JSON or, with format=csv, as CSV.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { CorrectionReportQuery } from '../../shared/http/report-schemas.ts';
import { correctionReport, correctionReportCsv } from '../../shared/use-cases/correction-report.ts';

const spec = FUNCTIONS.correctionReport;
const wired = wire(spec);
const store = wired.caseStore();

export const handler = httpFunction(
  spec,
  {
    'GET /reports/corrections': async (request) => {
      const { from, to, format } = CorrectionReportQuery.parse(request.query);
      const report = await correctionReport(store, { from, to });
      if (format === 'json') return { statusCode: 200, body: report };
      return {
        statusCode: 200,
        text: correctionReportCsv(report),
        contentType: 'text/csv; charset=utf-8; header=present',
        headers: { 'content-disposition': `attachment; filename="correction-report-${from}-${to}.csv"` },
      };
    },
  },
  wired.callers(),
);
