// The GraphQL-over-HTTP audit (README, "Two commands"): graphql-http's own server audits, the checks the
// GraphQL-over-HTTP specification's reference implementation runs against a server (every MUST,
// SHOULD and MAY it can test: media types, GET and POST, parameters, status codes).
//
//   node audit.mjs http://localhost:8080/graphql
//
// Prints one JSON array on stdout, one entry per audit: {id, name, status, reason}, status "ok",
// "error" (a MUST failed), "warn" (a SHOULD) or "notice" (a MAY). Exits 0 when it could run them all;
// GraphQlOverHttpAuditTest decides what has to pass (everything).
import { auditServer } from 'graphql-http';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node audit.mjs <GraphQL URL>');
  process.exit(2);
}
const results = await auditServer({ url });
console.log(JSON.stringify(results.map(({ id, name, status, reason }) => ({ id, name, status, reason: reason ?? null }))));
