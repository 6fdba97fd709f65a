// symbiosis-kb's GraphiQL page: GraphiQL 2 (UMD, window.GraphiQL) on React 18, all served by the
// service (/webjars/**). Queries go to POST /graphql on the same origin. An API key is optional:
// put {"Authorization": "Bearer <key>"} in the Headers tab (not saved in the browser).
(function () {
  'use strict';

  var defaultQuery = [
    '# symbiosis-kb GraphQL API',
    '# Docs: the book icon, top left.',
    '# API key (optional), in Headers:',
    '#   {"Authorization": "Bearer <key>"}',
    '# Run: Ctrl-Enter or the play button.',
    '',
    '{',
    '  parks(first: 5) {',
    '    nodes {',
    '      id',
    '      name',
    '    }',
    '  }',
    '}',
    ''
  ].join('\n');

  var fetcher = GraphiQL.createFetcher({
    url: '/graphql'
  });

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      visiblePlugin: 'Documentation Explorer'
    })
  );
})();
