import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { collectErrors, launchChromium, type TestBrowser } from './chromium';
import { createPortalWorld, type PortalWorld } from './world';

/*
 * The local portal in a real browser (Debian's chromium through playwright-core): every page loads without console
 * errors and without serious or critical axe-core violations, a reply typed on the phone reaches the link worker's
 * thread and caseload, and the dashboard draws its charts with suppressed figures shown as suppressed. Screenshots of
 * every page go to .screenshots/portal/ (git-ignored) on every run.
 */

// Pages wait up to a minute for the portal's first bundle; `npm test` runs this beside every other suite.
jest.setTimeout(120_000);

const SCREENSHOTS = resolve(__dirname, '..', '..', '.screenshots', 'portal');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // Evaluated in the page, where axe-core now lives (this file is compiled without the DOM's types).
  const violations = await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
}

describe('the local portal in a browser', () => {
  let world: PortalWorld;
  let browser: TestBrowser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Both at once; whichever fails, the other is still closed in afterAll.
    const [made, launched] = await Promise.allSettled([createPortalWorld(), launchChromium()]);
    if (made.status === 'fulfilled') world = made.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (made.status === 'rejected') throw made.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  const url = (path: string) => `${world.origin}${path}`;

  async function open(path: string, ready: string | (() => string)): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    const errors = collectErrors(page);
    await page.goto(url(path), { waitUntil: 'load' });
    await page.waitForSelector(typeof ready === 'string' ? ready : ready(), { timeout: 60_000 });
    return { page, errors };
  }

  const PAGES = [
    { name: 'home', path: () => '/', ready: 'text=Seeded users' },
    { name: 'explorer', path: () => '/explorer?as=lw-lena', ready: '.graphiql-container .monaco-editor' },
    {
      name: 'phone',
      path: () => `/phone?mobile=${encodeURIComponent(world.rosa.mobile)}`,
      ready: '[data-testid=phone-screen]',
    },
    {
      name: 'caseload',
      path: () => '/link-worker?as=lw-lena',
      ready: () => '[data-testid=caseload] a:has-text("Rosa Clarke")',
    },
    {
      name: 'referral',
      path: () => `/link-worker/referral/${world.rosa.referralId}?as=lw-lena`,
      ready: '[data-testid=texts] .thread',
    },
    { name: 'dashboard', path: () => '/dashboard?as=comm-colin', ready: '[data-testid=referrals-chart] svg' },
  ];

  it.each(PAGES)(
    'loads $name with no console errors and no serious or critical accessibility violations',
    async ({ name, path, ready }) => {
      if (name === 'dashboard') await world.figuresFolded();
      const { page, errors } = await open(path(), ready);
      await page.waitForTimeout(500); // let late requests (polls, workers) report their errors too

      const violations = await seriousViolations(page);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.close();

      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
    },
  );
  it('shows a reply typed on the phone in the link worker thread and on the caseload', async () => {
    const rosaRow = (page: Page) => page.locator('[data-testid=caseload] tr', { hasText: 'Rosa Clarke' });
    const before = await open('/link-worker?as=lw-lena', () => '[data-testid=caseload] a:has-text("Rosa Clarke")');
    const answersBefore = await rosaRow(before.page).locator('td').last().textContent();
    const phone = await open(`/phone?mobile=${encodeURIComponent(world.rosa.mobile)}`, '[data-testid=phone-screen]');

    // Her baseline check-in falls due: move the clock on a day and run the dispatcher, from the page's own buttons.
    await phone.page.getByRole('button', { name: 'Fast-forward' }).click();
    await phone.page.getByTestId('phone-notice').getByText('The clock is now').waitFor();
    await phone.page.getByRole('button', { name: 'Run dispatcher now' }).click();
    await phone.page.locator('.bubble.out', { hasText: 'happy' }).waitFor();
    await phone.page.getByLabel('Reply as the patient').fill('7');
    await phone.page.getByRole('button', { name: 'Send' }).click();
    const reply = phone.page.locator('.bubble.in', { hasText: 'answer recorded' });
    await reply.waitFor({ timeout: 10_000 });
    // The engine's next text arrives after the reply, without a reload.
    await phone.page.locator('.bubble.in ~ .bubble.out').first().waitFor({ timeout: 10_000 });
    const thread = await open(
      `/link-worker/referral/${world.rosa.referralId}?as=lw-lena`,
      '[data-testid=texts] .text[data-direction=IN]',
    );
    await before.page.reload();
    await rosaRow(before.page).waitFor();
    const answersAfter = await rosaRow(before.page).locator('td').last().textContent();

    expect(await reply.locator('[data-part=body]').textContent()).toBe('7');
    expect(await thread.page.locator('[data-testid=texts] .text[data-direction=IN]').first().textContent()).toMatch(
      /patient:\s*7$/,
    );
    expect(answersBefore).toBe('none yet');
    expect(answersAfter).toMatch(/Happiness: 7/);
    expect([...before.errors, ...phone.errors, ...thread.errors]).toEqual([]);
    for (const { page } of [before, phone, thread]) await page.close();
  });

  it('flags a worrying text from the phone on the caseload, and the link worker acknowledges and resolves it', async () => {
    const rosaRow = (page: Page) => page.locator('[data-testid=caseload] tr', { hasText: 'Rosa Clarke' });
    const phone = await open(`/phone?mobile=${encodeURIComponent(world.rosa.mobile)}`, '[data-testid=phone-screen]');
    await phone.page.getByLabel('Reply as the patient').fill('I feel like I want to end it all');
    await phone.page.getByRole('button', { name: 'Send' }).click();
    await phone.page.locator('.bubble.in', { hasText: 'concern raised' }).waitFor({ timeout: 10_000 });

    const caseload = await open('/link-worker?as=lw-lena', () => '[data-testid=caseload] a:has-text("Rosa Clarke")');
    const flagged = await rosaRow(caseload.page).locator('.tag.concern').textContent();
    const waiting = await caseload.page
      .getByTestId('waiting-for-you')
      .getByRole('link', { name: 'Rosa Clarke' })
      .count();
    const referral = await open(
      `/link-worker/referral/${world.rosa.referralId}?as=lw-lena`,
      '[data-testid=concern][data-status=OPEN]',
    );
    const page = referral.page;
    await page.getByTestId('inbox-text').filter({ hasText: 'end it all' }).waitFor();
    const violations = await seriousViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'referral-concern.png'), fullPage: true });
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.locator('[data-testid=concern][data-status=ACKNOWLEDGED]').waitFor();
    await page.getByLabel('Note', { exact: true }).fill('Rang Rosa: she is safe and sees her GP today.');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.locator('[data-testid=concern][data-status=RESOLVED]').waitFor();
    await page.getByTestId('concern-banner').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Mark handled' }).first().click();
    await page.getByTestId('inbox').getByText('Nothing waiting.').waitFor();
    await caseload.page.reload();
    await rosaRow(caseload.page).waitFor();

    expect(flagged).toMatch(/^Concern since/);
    expect(waiting).toBe(1);
    expect(violations).toEqual([]);
    expect(await page.getByTestId('concern').textContent()).toMatch(/resolved by Lena Link.*contacted person/);
    expect(await rosaRow(caseload.page).locator('.tag.concern').count()).toBe(0);
    expect([...phone.errors, ...caseload.errors, ...referral.errors]).toEqual([]);
    for (const opened of [phone, caseload, referral]) await opened.page.close();
  });

  it('draws the dashboard charts with suppressed figures shown as suppressed, and downloads them as CSV', async () => {
    await world.figuresFolded();
    const { page, errors } = await open('/dashboard?as=comm-colin', '[data-testid=referrals-chart] svg');
    const referrals = page.getByTestId('referrals-chart');
    await page.getByTestId('engagement-chart').locator('svg').waitFor();

    await referrals.getByText('Show as a table').click();
    const month = referrals.locator(`tr[data-month="${world.figuresMonth}"]`);
    const cells = await month.locator('td').allInnerTexts();
    const suppressedInChart = await referrals.locator('svg text').filter({ hasText: /^S$/ }).count();
    const total = page.getByTestId('period-table').locator('tr', { hasText: 'Total' }).locator('td');
    const [totalReceived, totalDeclined] = [total.nth(0), total.nth(2)];
    const period = await page.getByLabel('Period').inputValue();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');

    // 12 referrals received that month (released perturbed a little and rounded to the nearest 5: 10 or 15, as the
    // cell key of the month's records falls), 5 accepted and 2 declined (both suppressed).
    expect(cells).toEqual([expect.stringMatching(/^(10|15)$/), 'suppressed', 'suppressed']);
    expect(await month.locator('[data-suppressed=true]').count()).toBe(2);
    expect(suppressedInChart).toBeGreaterThanOrEqual(2);
    // The default period is the newest released quarter, the one the month belongs to.
    expect(period).toBe(world.figuresQuarter);
    expect(await totalReceived.textContent()).toMatch(/^\d+$/);
    expect(await totalDeclined.textContent()).toBe('suppressed');
    // The CSV's first row is the period's total: declined is withheld (empty, flagged), never 0.
    const [header, totalRow] = csv.split('\r\n').map((line) => line.split(','));
    const column = (name: string) => totalRow?.[header?.indexOf(name) ?? -1];
    expect([column('period'), column('group')]).toEqual([world.figuresQuarter, 'ALL']);
    expect([column('referralsDeclined'), column('referralsDeclined_suppressed')]).toEqual(['', '1']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
