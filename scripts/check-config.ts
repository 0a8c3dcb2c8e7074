// npm run config:check -- <folder>: what `npm start` and `cdk synth` check, without starting
// anything — every problem with its file and field — and, for a valid folder, each routing rule
// with the terms it will match after translation (an author sees what `invoice` catches).
import { DeploymentConfigError, readDeployment } from '../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../shared/config/deployment-source.ts';
import { translationsOf } from '../shared/domain/classification/it-vocabulary.ts';
import { compileRoutingRules } from '../shared/domain/classification/rule-compiler.ts';

const dir = process.argv[2] ?? process.env.TIERDESK_CONFIG_DIR ?? DEFAULT_CONFIG_DIR;
try {
  const deployment = readDeployment(dir);
  console.log(
    `${deployment.source}: valid — ${deployment.routingRules.length} routing rules, ` +
      `${deployment.articles.length / 6} articles in six languages, ${deployment.vendors.length} vendors`,
  );
  for (const { signal, companions } of compileRoutingRules(deployment.routingRules, translationsOf)) {
    console.log(`\n${signal.id}: ${signal.reason}\n  matches: ${signal.terms.split(' ').join(', ')}`);
    if (companions) console.log(`  only with: ${companions.split(' ').join(', ')}`);
  }
} catch (error) {
  if (!(error instanceof DeploymentConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
