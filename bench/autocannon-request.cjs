'use strict';
// Loaded by autocannon's worker thread for every request it builds: the body template carries a fixed
// placeholder id, replaced here with a fresh UUID, as a phone makes one per report.
const { randomUUID } = require('node:crypto');

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

module.exports = (request) => ({ ...request, body: request.body.replace(PLACEHOLDER, randomUUID()) });
