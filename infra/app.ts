// `npm run synth` / `npx cdk deploy`: the whole of tierdesk as one CDK app.
import { buildApp } from './build-app.ts';

buildApp().app.synth();
