/**
 * Joining from the hall in Debian's Chromium (playwright-core): the presenter page shows the room's join code (its
 * accessible name "Join code") and QR code, "Show to the room" opens them full screen and Escape closes it; a
 * student types the code on /j and lands in the room as a viewer. And the landing page on a 390 px phone: lessons
 * grouped by chapter, the search box filters them, nothing overflows sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '@gradcast/shared';
// @ts-expect-error plain ESM helper without types
import { ensureClientBuilt } from '../scripts/clientBuild.mjs';
import { chromiumPresent, launchChromium } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let room: CreateRoomResponse;
const errors: string[] = [];

async function page(viewport?: { width: number; height: number }): Promise<Page> {
  const p = await (await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {})).newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  return p;
}

describe.skipIf(!chromiumPresent)('joining from the hall in a browser', () => {
  beforeAll(async () => {
    ensureClientBuilt({ quiet: true });
    server = await startTestServer({ backend: 'wasm' });
    browser = await launchChromium();
    room = await server.createRoom('ch02-03');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the presenter page shows the join code and its QR code, and shows them to the room until Escape', async () => {
    const presenter = await page();
    await presenter.goto(room.presenterUrl);
    const code = presenter.getByLabel('Join code', { exact: true });
    await code.waitFor({ timeout: 30_000 });
    expect((await code.textContent())?.replace(/\s/g, '')).toBe(room.joinCode);
    expect(await code.getAttribute('data-code')).toBe(room.joinCode);
    await presenter.getByRole('img', { name: `QR code of ${room.joinUrl}` }).waitFor();

    const show = presenter.getByRole('button', { name: 'Show to the room' });
    await show.focus();
    await presenter.keyboard.press('Enter');
    const dialog = presenter.getByRole('dialog', { name: 'Join this room' });
    await dialog.waitFor();
    expect(await presenter.getByTestId('show-to-room-code').textContent()).toBe(`${room.joinCode.slice(0, 3)} ${room.joinCode.slice(3)}`);
    // It covers the window.
    const box = await dialog.boundingBox();
    const size = presenter.viewportSize();
    expect(box?.width).toBe(size?.width);
    expect(box?.height).toBe(size?.height);
    await presenter.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await show.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await presenter.context().close(); // its 3-D view draws in software: spare the CPU for the next tests
  });

  it('a student types the code on /j (lower case, with a space) and lands in the room as a viewer', async () => {
    const student = await page({ width: 390, height: 844 });
    await student.goto(`${server.url}/j`);
    const typed = `${room.joinCode.slice(0, 3).toLowerCase()} ${room.joinCode.slice(3).toLowerCase()}`;
    await student.getByLabel('Join code').fill(typed);
    await student.keyboard.press('Enter');
    await student.waitForURL(room.viewerUrl, { timeout: 15_000 });
    // The header's role reads "…" until the room's snapshot arrives, then the role the server gave.
    await student.waitForFunction(() => document.querySelector('[data-testid="role-badge"]')?.textContent?.trim() === 'Viewer', null, {
      timeout: 60_000,
    });
    expect(student.url()).not.toContain('#key=');
    expect(errors).toEqual([]);
    await student.context().close();
  });

  it('a mistyped code on /j says so, with the typed code kept in the field', async () => {
    const student = await page({ width: 390, height: 844 });
    await student.goto(`${server.url}/j`);
    await student.getByLabel('Join code').fill('zz');
    await student.keyboard.press('Enter');
    await student.getByRole('alert').waitFor();
    expect(await student.getByRole('alert').textContent()).toContain('That is not a join code');
    expect(await student.getByLabel('Join code').inputValue()).toBe('zz');
  });

  it('the landing page groups lessons by chapter and filters them on a 390 px phone', async () => {
    const phone = await page({ width: 390, height: 844 });
    await phone.goto(server.url);
    await phone.getByRole('heading', { name: 'Chapter 2 Linear regression' }).waitFor({ timeout: 30_000 });
    const chapters = await phone.locator('section.chapter h2').allTextContents();
    expect(chapters.length).toBeGreaterThanOrEqual(9);
    expect(chapters[0]).toMatch(/Chapter 1\s*Tensors and datasets/);
    const card = (await phone.getByTestId('lesson-ch02-03').textContent()) ?? '';
    expect(card).toContain('learning rate');
    expect(card).toContain('Fits ŷ = w·x + b'); // its one-line summary

    await phone.keyboard.press('/');
    await phone.keyboard.type('batch size mnist');
    await phone.waitForFunction(() => document.querySelectorAll('li.lesson').length < 10);
    const ids = await phone.locator('li.lesson').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids).toContain('lesson-ch06-02');
    expect(ids).not.toContain('lesson-ch02-03');
    expect(await phone.locator('#lesson-count').textContent()).toMatch(/^\d+ of \d+ lessons match$/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
