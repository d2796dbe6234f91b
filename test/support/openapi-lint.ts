import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  pointer?: string;
}

/** Redocly's `recommended` ruleset over an in-memory OpenAPI document. */
export function lintOpenApi(document: unknown): LintProblem[] {
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-openapi.mjs')], {
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as LintProblem[];
}
