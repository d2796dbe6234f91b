// Lints the OpenAPI document read from stdin with Redocly's `recommended` ruleset and prints the problems as JSON.
// A child process because @redocly/openapi-core is an ES module, which jest's CommonJS runtime cannot require.
import { BaseResolver, createConfig, lintDocument, makeDocumentFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintDocument({
  document: makeDocumentFromString(Buffer.concat(chunks).toString('utf8'), '/api/docs-json'),
  externalRefResolver: new BaseResolver(),
  config,
});
process.stdout.write(
  JSON.stringify(
    problems.map((problem) => ({
      ruleId: problem.ruleId,
      severity: problem.severity,
      message: problem.message,
      pointer: problem.location[0]?.pointer,
    })),
  ),
);
