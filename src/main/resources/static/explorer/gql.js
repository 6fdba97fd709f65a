// All data comes through the public GraphQL API, with the key the user entered (kept in
// sessionStorage only, so it goes with the tab) sent as a bearer token like any other client's.
const KEY = 'kb.key';

export function apiKey() { return sessionStorage.getItem(KEY) || ''; }
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
}

export class GraphQlError extends Error {}

export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (apiKey()) headers.Authorization = `Bearer ${apiKey()}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body;
  try { body = await response.json(); } catch { throw new GraphQlError(`HTTP ${response.status}`); }
  if (body.errors?.length) throw new GraphQlError(body.errors.map((e) => e.message).join('; '));
  if (!response.ok) throw new GraphQlError(`HTTP ${response.status}`);
  return body.data;
}

/** Every node of a cursor-paged list; `field` is the query field, `selection` the node fields. */
export async function all(field, selection, filter) {
  const nodes = [];
  let after = null;
  do {
    const data = await gql(`query($after: String, $filter: ${filterType(field)}) {
      page: ${field}(first: 100, after: $after, filter: $filter) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
    { after, filter: filter ?? null });
    nodes.push(...data.page.nodes);
    after = data.page.pageInfo.hasNextPage ? data.page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

function filterType(field) {
  const singular = { parks: 'Park', networks: 'Network', organizations: 'Organization', processes: 'Process',
    sideStreams: 'SideStream', carbonSinks: 'CarbonSink', factorSets: 'FactorSet' }[field];
  return `${singular}Filter`;
}
