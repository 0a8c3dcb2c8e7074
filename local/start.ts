// npm start: the whole desk on this machine. Ctrl-C or SIGTERM stops every server and the
// DynamoDB Local JVM.

import { activeDeployment, DeploymentConfigError } from '../shared/config/deployment.ts';
import { defaultKnowledgeBase } from '../shared/domain/classification/default-classifier.ts';
import type { startLocalSystem as StartLocalSystem } from './local-system.ts';
import { JavaMissingError } from './servers/dynamodb-local.ts';
import { readLocalSettings } from './settings.ts';

process.env.POWERTOOLS_LOG_LEVEL ??= 'INFO';
const settings = readLocalSettings();
const time = () => new Date().toISOString().slice(11, 19);

// The deployment's configuration (TIERDESK_CONFIG_DIR, else config/default) is read, checked
// and indexed before any server starts: a broken folder stops here with every problem named.
let deployment: ReturnType<typeof activeDeployment>;
try {
  deployment = activeDeployment();
  defaultKnowledgeBase();
} catch (error) {
  if (!(error instanceof DeploymentConfigError)) throw error;
  console.error(`\ntierdesk could not start: ${error.message}\n`);
  process.exit(1);
}
// Imported only now: the functions it loads read the configuration checked above.
const { startLocalSystem } = await import('./local-system.ts');

// Listen before anything starts: a signal during start-up (the API already answers while the
// last servers come up) stops what started instead of killing the process and leaving the
// DynamoDB Local JVM behind.
let system: Awaited<ReturnType<typeof StartLocalSystem>> | undefined;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${time()} ${signal}: stopping…`);
  if (!system) return; // start-up sees `stopping` and stops what it started
  await system.stop();
  console.log(`${time()} stopped`);
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  system = await startLocalSystem({
    dataDir: settings.TIERDESK_DATA_DIR,
    ports: {
      api: settings.PORT,
      dynamodb: settings.DYNAMODB_PORT,
      sqs: settings.SQS_PORT,
      ses: settings.SES_PORT,
      smtp: settings.SMTP_PORT,
      lambda: settings.LAMBDA_PORT,
    },
    mailDomain: settings.TIERDESK_MAIL_DOMAIN,
    log: (line) => console.log(`${time()} ${line}`),
  });
  if (stopping) {
    await system.stop();
    console.log(`${time()} stopped`);
    process.exit(0);
  }
  const { urls } = system;
  console.log(`
tierdesk is running (data in ${settings.TIERDESK_DATA_DIR})
  Configuration  ${deployment.source}   (${deployment.routingRules.length} routing rules, ${deployment.articles.length / 6} articles, ${deployment.vendors.length} vendors)
  API            ${urls.api}            (GET /health, GET /openapi.json, POST /cases …)
  DynamoDB Local ${urls.dynamodb}
  SQS + S3       ${urls.sqs}
  SES (sent mail viewer) ${urls.sesViewer}
  SMTP intake    ${urls.smtp.host}:${urls.smtp.port}   (mail to support@${settings.TIERDESK_MAIL_DOMAIN})
  Lambda invoke  ${urls.lambda}   (aws lambda invoke --endpoint-url ${urls.lambda} --function-name slaTimer …)
An agent token: npm run token -- --role agent --levels 1,2
Ctrl-C stops everything.
`);
} catch (error) {
  // Every server that did start has been stopped again; say what went wrong, not where.
  if (error instanceof JavaMissingError) console.error(`\n${error.message}\n`);
  else if (process.env.TIERDESK_DEBUG) console.error(error);
  else
    console.error(
      `\ntierdesk could not start: ${(error as Error).message}\n(TIERDESK_DEBUG=1 shows the stack)\n`,
    );
  process.exit(1);
}
