// Each test worker talks to the servers the global setup started: the SDK clients read
// these AWS_ENDPOINT_URL_* and resource variables exactly as the functions do.
import { inject } from 'vitest';

Object.assign(process.env, inject('local').env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
