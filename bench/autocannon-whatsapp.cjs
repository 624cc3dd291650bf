'use strict';
// Loaded by autocannon's worker thread for every WhatsApp delivery it builds: a fresh message id and sender
// number in place of the placeholders (a new citizen each time, so no draft joins another and no limit applies),
// then the body signed as Meta signs it (X-Hub-Signature-256 with the bench's app secret).
const { createHmac, randomUUID } = require('node:crypto');

const SECRET = 'rahasia-aplikasi-bench';

module.exports = (request) => {
  const number = `6281${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const body = request.body
    .replace('wamid.PLACEHOLDER', `wamid.${randomUUID()}`)
    .replace('6280000000000', number);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  return { ...request, body, headers: { ...request.headers, 'x-hub-signature-256': signature } };
};
