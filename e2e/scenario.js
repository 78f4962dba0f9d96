// Drives Microsoft's Agents Playground (its web page, in headless Chromium) through a Chorus
// scenario and saves a screenshot after each step. Run by `make e2e` (see e2e/run.sh).
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const PLAYGROUND = process.env.PLAYGROUND_URL || "http://127.0.0.1:56150/";
const SHOTS = process.env.SHOTS_DIR;
const REPLY_TIMEOUT_MS = 30000;
const DRAFT =
  "I'm excited to announce that I just think our team shipped something *kind of* cool!!! " +
  "We cut build times from 40 minutes to 9 by caching installs, which was done by the " +
  "platform team and it was honestly sort of a big deal for _everyone_ who uses `make` " +
  "every day. #devops #buildtimes #caching #engineering #productivity #platformteam " +
  "Read more at https://example.com/post?utm_source=linkedin";
const problems = [];
let step = 0;

async function main() {
  const profile = fs.mkdtempSync(path.join(require("os").tmpdir(), "chorus-e2e-"));
  const browser = await chromium.launchPersistentContext(profile, {
    viewport: { width: 1400, height: 1500 },
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const page = browser.pages()[0] || (await browser.newPage());
  try {
    await page.goto(PLAYGROUND, { waitUntil: "networkidle" });
    await waitForBot(page, 1);
    await shot(page, "welcome");

    await say(page, DRAFT, "critique");
    await click(page, /^Show \d+ more notes?$/, 0, "show-all");
    await click(page, /^Hide$/, 0, "hidden-again");
    await click(page, /^Helpful$/, 1, "helpful");
    await click(page, /^Not helpful$/, 1, "not-helpful", 1);
    await click(page, /^Check for X$/, 1, "check-for-x", 1);
    await click(page, /^Check for Bluesky$/, 1, "check-for-bluesky", 1);
    await click(page, /^Set a goal$/, 0, "goal-form", 1);
    await page.getByLabel(/How many/).last().fill("2");
    await click(page, /^Set goal$/, 1, "goal-set");
    await say(page, "goal", "goal-list");
    await say(page, "how do I grow my followers?", "question");
    await say(page, "help", "help");
    await say(page, "checkin 3", "checkin");
    await say(page, "progress", "progress");
    await say(page, "chart", "chart");
    await say(page, "my data", "my-data");
    await say(page, "forget me", "forget-me");
    await click(page, /^Yes, delete everything$/, 1, "forgotten");
    await channel(page);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log("\nAll steps passed.");
}

function botMessages(page) {
  return page.locator('[aria-label="Message author"]', { hasText: "Test Bot" });
}

async function waitForBot(page, count) {
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[aria-label="Message author"]')].filter((e) =>
        e.textContent.includes("Test Bot"),
      ).length >= n,
    count,
    { timeout: REPLY_TIMEOUT_MS },
  );
  await page.waitForLoadState("networkidle");
}

async function expectReplies(page, before, expected, name) {
  if (expected === 0) return;
  await waitForBot(page, before + expected);
  const after = await botMessages(page).count();
  if (after !== before + expected) {
    problems.push(`${name}: ${after - before} bot messages instead of ${expected}`);
  }
}

async function say(page, text, name, expected = 1) {
  const before = await botMessages(page).count();
  await type(page, text);
  await page.keyboard.press("Enter");
  await expectReplies(page, before, expected, name);
  await shot(page, name);
}

async function click(page, title, expected, name, nth = 0) {
  // nth counts from the newest card: 0 is the last message's button, 1 the one before it.
  const before = await botMessages(page).count();
  const buttons = page.getByRole("button", { name: title });
  const count = await buttons.count();
  if (count === 0) {
    problems.push(`${name}: no button ${title}`);
    return;
  }
  const visible = [];
  for (let i = 0; i < count; i += 1) {
    if (await buttons.nth(i).isVisible()) visible.push(buttons.nth(i));
  }
  const button = visible[Math.max(0, visible.length - 1 - nth)] || buttons.last();
  const card = await button.evaluateHandle((b) => {
    let outer = b.closest(".ac-adaptiveCard");
    while (outer && outer.parentElement && outer.parentElement.closest(".ac-adaptiveCard")) {
      outer = outer.parentElement.closest(".ac-adaptiveCard");
    }
    return outer;
  });
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expectReplies(page, before, expected, name);
  await shot(page, name, expected ? null : card);
}

async function channel(page) {
  await page.getByText("General", { exact: true }).first().click();
  await page.waitForLoadState("networkidle");
  await shot(page, "channel-welcome");
  await type(page, "@Test", 0);
  await page.getByRole("menuitem", { name: /Test Bot/ }).click(); // the mention list
  await page.keyboard.type(" how do I find time to post?");
  await shot(page, "channel-mention-typed");
  await page.getByRole("button", { name: "Post" }).click();
  await page.getByText(/\(Tip: /).first().waitFor({ timeout: REPLY_TIMEOUT_MS });
  await page.waitForLoadState("networkidle");
  await shot(page, "channel-answer");
}

async function type(page, text, nth = -1) {
  const boxes = page.locator('[data-lexical-editor="true"]');
  const box = nth < 0 ? boxes.last() : boxes.nth(nth);
  await box.click();
  await page.keyboard.type(text);
}

async function shot(page, name, element = null) {
  // The page, scrolled to the newest message; or one whole card (a card taller than the window).
  step += 1;
  const file = path.join(SHOTS, `${String(step).padStart(2, "0")}-${name}.png`);
  if (element) {
    await element.screenshot({ path: file });
  } else {
    const last = page.locator('[aria-label="Message header"]').last();
    if (await last.count()) await last.evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: file });
  }
  const errors = await page
    .getByText(/Invalid conversation id|Failed to|error occurred/i)
    .count()
    .catch(() => 0);
  if (errors) problems.push(`${name}: the Playground shows an error`);
  console.log(`${name}: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
