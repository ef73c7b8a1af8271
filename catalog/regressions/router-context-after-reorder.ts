import type { Regression } from './index.ts';

export default [
  {
    name: 'title after the router',
    story: '"Side effects last": the page title moves below the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '        </BrowserRouter>',
        replace: `        </BrowserRouter>
        <PageTitle />`,
      },
    ],
  },
  {
    name: 'nav on every page, outside the router',
    story: 'The main nav moves to the app shell, above the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '        {reordered && <PageTitle />}',
        replace: `        {reordered && <PageTitle />}
        <nav aria-label="Shell">
          <NavLink to="/jobs">Jobs</NavLink>
        </nav>`,
      },
    ],
  },
  {
    name: 'page title inlined into the app root',
    story: 'A simplification folds PageTitle into App, which renders above the router.',
    edits: [
      {
        file: 'app/web/src/App.tsx',
        find: '  useState(tokens.hydrate);',
        replace: `  useState(tokens.hydrate);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = \`\${titles[pathname] ?? 'App'} · Incident suite\`;
  }, [pathname]);`,
      },
    ],
  },
] satisfies Regression[];
