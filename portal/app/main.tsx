import './styles.css';
import { type ReactNode, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Layout } from './components/layout';
import { UserPicker } from './components/user-picker';
import { WithClient } from './lib/client';
import { chooseUser, type PortalUser, useStatus } from './lib/status';
import { CaseloadPage } from './pages/caseload';
import { DashboardPage } from './pages/dashboard';
import { HomePage } from './pages/home';
import { PhonePage } from './pages/phone';
import { ReferralPage } from './pages/referral';

/*
 * The portal's pages other than the explorer, chosen by the address (each is a full page load). The link worker view
 * and the dashboard act as a seeded user picked on the page (`?as=`), through the public GraphQL API only.
 */

function AsUser({
  roles,
  title,
  intro,
  children,
}: {
  roles: string[];
  title?: string;
  intro?: ReactNode;
  children: (user: PortalUser) => ReactNode;
}) {
  const { status, error } = useStatus();
  const [picked, setPicked] = useState<PortalUser>();
  if (error) return <p className="error">Could not read the seeded users: {error}</p>;
  if (!status) return <p>Loading…</p>;
  const users = status.users.filter((user) => roles.includes(user.role));
  const user = picked ?? chooseUser(status.users, roles);
  if (!user) return <p className="error">No seeded user has the role {roles.join(' or ')}.</p>;
  return (
    <>
      {title ? <h1>{title}</h1> : null}
      {intro}
      <div className="row">
        <UserPicker users={users} selected={user} onChange={setPicked} />
      </div>
      <WithClient token={user.token} key={user.userId}>
        {children(user)}
      </WithClient>
    </>
  );
}

function Page() {
  const path = window.location.pathname;
  const referral = /^\/link-worker\/referral\/([A-Za-z0-9_-]+)$/.exec(path);
  if (referral) {
    return (
      <AsUser roles={['LINK_WORKER', 'COORDINATOR', 'ADMIN']}>
        {(user) => <ReferralPage referralId={referral[1] as string} userId={user.userId} />}
      </AsUser>
    );
  }
  switch (path) {
    case '/phone':
      return <PhonePage />;
    case '/link-worker':
      return (
        <AsUser
          roles={['LINK_WORKER']}
          title="Caseload"
          intro={<p>A reference link worker frontend, built only on the public GraphQL API and client/ operations.</p>}
        >
          {(user) => <CaseloadPage userId={user.userId} />}
        </AsUser>
      );
    case '/dashboard':
      return (
        <AsUser
          roles={['COMMISSIONER']}
          title="Commissioner dashboard"
          intro={<p>Outcome figures as a commissioner sees them: through the public API with their token only.</p>}
        >
          {() => <DashboardPage />}
        </AsUser>
      );
    default:
      return <HomePage />;
  }
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Layout>
      <Page />
    </Layout>
  </StrictMode>,
);
