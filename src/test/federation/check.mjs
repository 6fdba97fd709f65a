// The federation check (docs/partners.md, "An Apollo Federation 2 subgraph"): composes the knowledge base's subgraph SDL, read
// live from `_service { sdl }`, with a small business-registry subgraph using Apollo's own
// composition, then runs one query through @apollo/gateway that needs both subgraphs in both
// directions: organizations from the knowledge base with employees from the registry, and the
// registry's organizations with names from the knowledge base (through our `_entities`).
//
//   node check.mjs http://localhost:8080/graphql [registry.json]
//
// Prints one JSON object {composed, hints, data, errors} on stdout; exits 1 if composition or the
// query fails. The registry is an in-process subgraph (LocalGraphQLDataSource); the knowledge base
// is reached over real HTTP like any remote subgraph.
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';

const [kbUrl, registryFile = new URL('./registry-example.json', import.meta.url)] = process.argv.slice(2);
if (!kbUrl) {
  console.error('usage: node check.mjs <knowledge base GraphQL URL> [registry.json]');
  process.exit(2);
}
// {organizationId: [{name, title}]}; keys starting with "_" are comments
const registry = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(registryFile, 'utf8'))).filter(([id]) => !id.startsWith('_')));

const registryTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

  "An organization as the business registry knows it; the knowledge base owns every other field."
  type Organization @key(fields: "id") {
    id: ID!
    employees: [Employee!]!
  }

  type Employee {
    name: String!
    title: String
  }

  type Query {
    "Organizations in the registry, ordered by id."
    registeredOrganizations: [Organization!]!
  }
`);
const registrySchema = buildSubgraphSchema({
  typeDefs: registryTypeDefs,
  resolvers: {
    Query: { registeredOrganizations: () => Object.keys(registry).sort().map((id) => ({ id })) },
    Organization: {
      __resolveReference: (reference) => ({ id: reference.id }),
      employees: (organization) => registry[organization.id] ?? [],
    },
  },
});

async function kbSdl() {
  const response = await fetch(kbUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) {
    throw new Error(`_service { sdl } failed: HTTP ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data._service.sdl;
}

const QUERY = `
  query BothSubgraphs {
    organizations(first: 100) { nodes { id name employees { name title } } }
    registeredOrganizations { id name park { name } employees { name } }
  }`;

function finish(report, ok) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(ok ? 0 : 1);
}

const composition = composeServices([
  { name: 'kb', typeDefs: parse(await kbSdl()), url: kbUrl },
  { name: 'registry', typeDefs: registryTypeDefs, url: 'http://registry.invalid/graphql' },
]);
if (composition.errors) {
  finish({ composed: false, errors: composition.errors.map((e) => e.message) }, false);
}

const gateway = new ApolloGateway({
  supergraphSdl: composition.supergraphSdl,
  buildService: ({ name, url }) => (name === 'registry'
    ? new LocalGraphQLDataSource(registrySchema)
    : new RemoteGraphQLDataSource({ url })),
});
const server = new ApolloServer({ gateway });
await server.start();
let result;
try {
  const response = await server.executeOperation({ query: QUERY });
  result = response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'an incremental result' }] };
} finally {
  await server.stop();
}
finish({
  composed: true,
  hints: composition.hints.map((h) => h.toString()),
  data: result.data ?? null,
  errors: (result.errors ?? []).map((e) => e.message),
}, !result.errors);
