import type { ReactNode } from 'react';

const LINKS = [
  { href: '/', label: 'Home' },
  { href: '/explorer', label: 'API explorer' },
  { href: '/phone', label: 'Phone simulator' },
  { href: '/link-worker', label: 'Link worker' },
  { href: '/dashboard', label: 'Commissioner dashboard' },
];

function current(href: string): boolean {
  const path = window.location.pathname;
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

/** Every page: a skip link, the site header with the portal's sections, and the page's one main landmark. */
export function Layout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          Linkwork <span className="small">local portal</span>
        </a>
        <nav aria-label="Portal">
          <ul>
            {LINKS.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={current(link.href) ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className={wide ? 'wide' : undefined} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
