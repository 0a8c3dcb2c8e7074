// The CDK app's entry (cdk.json: `npx tsx infra/app.ts`). Context chooses the deployment:
//   npx cdk deploy --all -c tierdesk:stage=prod -c tierdesk:mailDomain=support.example.com
import { buildApp } from './build-app.ts';

buildApp().app.synth();
