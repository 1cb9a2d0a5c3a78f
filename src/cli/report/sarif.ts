/**
 * `--format sarif`: SARIF 2.1.0, as GitHub code scanning and other dashboards read it. One rule
 * per transform; one result per finding (`warning` for a change dockopt makes or would make,
 * `note` for what it saw and left alone, with the reason); errors about files are tool execution
 * notifications. File URIs are relative to the working directory (run it from the repository
 * root for code scanning). Written at the end: SARIF is one JSON document.
 */
import type { FileResult } from '../process-file.js';
import { displayPath } from '../output.js';
import { packageInfo } from '../package-info.js';
import type { Reporter, ReportContext } from './reporter.js';
import { buildMark } from './summary.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifReporter(ctx: ReportContext): Reporter {
  const ruleIndex = new Map(ctx.transforms.map((t, i) => [t.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  return {
    file(result: FileResult) {
      const uri = fileUri(result.name);
      for (const message of result.errors)
        notifications.push({
          level: 'error',
          message: { text: message },
          locations: [{ physicalLocation: { artifactLocation: { uri } } }],
        });
      result.findings.forEach((finding, index) => {
        const fixed = finding.status === 'fixed';
        const mark = buildMark(result, index);
        results.push({
          ruleId: finding.transform,
          ...(ruleIndex.has(finding.transform)
            ? { ruleIndex: ruleIndex.get(finding.transform) }
            : {}),
          level: fixed ? 'warning' : 'note',
          message: { text: fixed ? finding.message : `Not changed: ${finding.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
          properties: {
            fixed,
            ...(finding.estimate
              ? {
                  estimatedSavingBytes: finding.estimate.bytes,
                  estimateBasis: finding.estimate.basis,
                }
              : {}),
            ...(mark ? { build: mark } : {}),
          },
        });
      });
    },
    end(totals) {
      const { name, version, homepage } = packageInfo();
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: {
                name,
                version,
                semanticVersion: version,
                ...(homepage ? { informationUri: homepage } : {}),
                rules: ctx.transforms.map((t) => ({
                  id: t.id,
                  name: pascalCase(t.id),
                  shortDescription: { text: t.title },
                  fullDescription: { text: t.description },
                  defaultConfiguration: { level: 'warning' },
                  properties: {
                    safety: t.safety,
                    category: t.category,
                    tags: [t.category, t.safety, ...(t.hadolint ?? [])],
                  },
                })),
              },
            },
            invocations: [
              {
                executionSuccessful: totals.errors === 0,
                toolExecutionNotifications: notifications,
              },
            ],
            results,
          },
        ],
      };
      ctx.out(`${JSON.stringify(log, null, 2)}\n`);
    },
  };
}

/** A relative URI reference (RFC 3986) for a path: `/`-separated, each segment escaped. */
function fileUri(path: string): string {
  const shown = displayPath(path);
  const segments = shown.split('/').map((s) => encodeURIComponent(s));
  return shown.startsWith('/') ? `file://${segments.join('/')}` : segments.join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
