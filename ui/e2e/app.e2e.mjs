// End-to-end tests of the desktop app in a real window: Xvfb + tauri-driver +
// WebKitWebDriver. Run by scripts/test-all.sh after the app is built:
//   node --test ui/e2e/*.e2e.mjs
// The tests run in order on one window and one library, as a user would: import the
// seeds, search, read, tag, compare, review uncertain speakers, correct a document. Each saves a screenshot of what it saw in
// tests/artifacts/.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session, startDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = join(root, "target/debug/plenary-desktop");
const cli = join(root, "target/debug/plenary");
const seeds = join(root, "../shared/corpus/seeds");
const artifacts = join(root, "tests/artifacts");
const port = 4444 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
let driver;
let session;
let library;
let toImport;

function shot(name, png) {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, `e2e-${name}.png`), png);
}

/** Runs the CLI on the app's library (SQLite lets it read while the app is open). */
function plenary(...args) {
  const out = spawnSync(cli, ["--library", library, ...args], { encoding: "utf8" });
  assert.equal(out.status, 0, out.stdout + out.stderr);
  return out.stdout;
}

const sel = (testid, extra = "") => `[data-testid="${testid}"]${extra}`;

before(async () => {
  // An empty library, and a folder to import: the seeds and a statement with markup.
  library = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
  toImport = mkdtempSync(join(tmpdir(), "plenary-e2e-import-"));
  cpSync(seeds, toImport, { recursive: true });
  cpSync(join(root, "tests/fixtures/formats/hostile.txt"), join(toImport, "hostile.txt"));
  driver = await startDriver(port);
  session = await Session.start(base, app, ["--library", library]);
});

after(async () => {
  await session?.end().catch(() => {});
  driver?.kill();
  endApp(library);
});

/**
 * Ends the app opened on `library` if it outlived its WebDriver session (seen once: its
 * window stayed open), or the test runner would wait for the output the app inherited.
 */
function endApp(library) {
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args[0].endsWith("plenary-desktop") && args.includes(library)) process.kill(Number(pid));
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
}

test("importing the seeds from the Library screen reports each file and lists the documents", async () => {
  await session.clickOn(sel("nav-library"));
  const path = (await session.waitFor(sel("import-path")))[0];
  await session.type(path, toImport);
  await session.clickOn(sel("import-path-button"));
  await session.waitFor(sel("import-panel", '[data-state="done"]'), 1, 120000);
  const files = readdirSync(toImport).filter((f) => !f.startsWith(".") && !f.endsWith(".md"));
  const results = await session.findAll(sel("import-result"));
  assert.ok(results.length >= files.length - 1, `${results.length} results for ${files.length} files`);
  for (const r of results) {
    const status = await session.attribute(r, "data-status");
    assert.ok(["imported", "already_present"].includes(status), `${status}: ${await session.text(r)}`);
  }
  const rows = await session.waitFor(`${sel("document-list")} ${sel("document-row")}`, results.length);
  assert.equal(rows.length, results.length);
  // What the app imported is what the library holds.
  assert.equal(JSON.parse(plenary("status", "--format", "json")).documents, rows.length);
  shot("library", await session.screenshot());
});

test("importing a file through the file dialog", async () => {
  // The dialog is GTK's own window, outside the page: it is driven with xdotool, as a
  // user would type a path into it (Ctrl+L opens its location field).
  const file = join(mkdtempSync(join(tmpdir(), "plenary-e2e-dialog-")), "dialog-transcript.txt");
  cpSync(join(root, "tests/fixtures/formats/transcript.txt"), file);
  await session.clickOn(sel("nav-library"));
  await session.clickOn(sel("import-button"));
  const found = spawnSync("xdotool", ["search", "--sync", "--onlyvisible", "--name", "^Import files$"], {
    encoding: "utf8",
    timeout: 15000,
  });
  assert.equal(found.status, 0, `the file dialog did not open: ${found.stderr}`);
  const dialog = found.stdout.trim().split("\n")[0];
  const xdo = (...args) => assert.equal(spawnSync("xdotool", args, { encoding: "utf8" }).status, 0, `xdotool ${args.join(" ")}`);
  // No window manager under Xvfb: focus the dialog and type through XTEST.
  xdo("windowfocus", "--sync", dialog);
  xdo("key", "ctrl+l");
  await new Promise((r) => setTimeout(r, 300));
  xdo("type", "--delay", "5", file);
  await new Promise((r) => setTimeout(r, 300));
  spawnSync("import", ["-window", "root", join(artifacts, "e2e-dialog.png")]);
  xdo("key", "Return");
  // The panel still shows the last import until this one reports its file.
  await session.waitForText(sel("import-result"), (t) => t.includes("dialog-transcript.txt"), 60000);
  await session.waitFor(sel("import-panel", '[data-state="done"]'), 1, 60000);
  const results = await session.findAll(sel("import-result"));
  assert.equal(results.length, 1);
  assert.equal(await session.attribute(results[0], "data-status"), "imported");
  const listed = plenary("documents", "--format", "json").trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(listed.some((d) => d.source_path === file), `${file} is not in the library`);
});

test('searching "programme of action" and opening France\'s statement in the reader', async () => {
  await session.clickOn(sel("nav-search"));
  const input = (await session.waitFor(sel("search-input")))[0];
  await session.clear(input);
  await session.type(input, '"programme of action"');
  // The total of exactly this query, not of a prefix typed on the way.
  const total = await session.waitForText(sel("search-total", `[data-query='"programme of action"']`), (t) => /^\d+ statements?/.test(t));
  assert.ok(Number.parseInt(total, 10) > 0, total);
  await session.waitForText(sel("search-result"), (t) => t.startsWith("France"));
  assert.ok((await session.findAll(sel("facet-speaker"))).length > 0, "speaker facet");
  shot("search", await session.screenshot());
  // Open the first result whose speaker is France.
  const results = await session.findAll(sel("search-result"));
  let opened = false;
  for (const r of results) {
    if ((await session.text(r)).startsWith("France")) {
      const open = await session.cmd("POST", `/element/${r}/element`, { using: "css selector", value: sel("open-result") });
      await session.click(Object.values(open)[0]);
      opened = true;
      break;
    }
  }
  assert.ok(opened, "a France result to open");
  const focused = (await session.waitFor(sel("reader-turn", '[data-focused="true"]')))[0];
  const chip = await session.cmd("POST", `/element/${focused}/element`, { using: "css selector", value: sel("speaker-chip") });
  assert.match(await session.text(Object.values(chip)[0]), /France/);
  assert.ok((await session.findAll(sel("reader-turn"))).length > 5, "the document's turns");
  shot("reader", await session.screenshot());
});

test("tagging selected words of a statement adds a human tag that the library keeps", async () => {
  const turn = (await session.waitFor(sel("reader-turn", '[data-focused="true"]')))[0];
  const id = await session.attribute(turn, "data-statement-id");
  // Select the first four words of the statement's text, as a mouse would.
  const selected = await session.execute(
    `const el = document.querySelector('[data-statement-id="' + arguments[0] + '"] [data-testid="turn-text"]');
     const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
     let node;
     while ((node = walker.nextNode()) && node.textContent.trim().split(/\\s+/).length < 4);
     const text = node.textContent;
     const start = text.search(/\\S/);
     const words = text.slice(start).split(/\\s+/).slice(0, 4).join(" ");
     const range = document.createRange();
     range.setStart(node, start);
     range.setEnd(node, start + words.length);
     const s = getSelection();
     s.removeAllRanges();
     s.addRange(range);
     el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
     return words;`,
    [id],
  );
  assert.ok(selected.length > 0);
  await session.waitFor(sel("tag-popover"));
  await session.execute(
    `const set = (id, v) => { const e = document.querySelector('[data-testid="' + id + '"]'); e.value = v; e.dispatchEvent(new Event("change", { bubbles: true })); };
     set("tag-theme", "funding"); set("tag-stance", "support");`,
  );
  await session.clickOn(sel("tag-add"));
  await session.waitFor(`[data-statement-id="${id}"] ${sel("tag-badge", '[data-origin="manual"][data-theme="funding"]')}`);
  const tags = plenary("tag", "list", "--statement", id, "--format", "json");
  const manual = tags
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .flat()
    .find((t) => t.origin === "manual" && t.theme === "funding");
  assert.ok(manual, tags);
  assert.equal(manual.stance, "support");
  assert.ok(manual.span && manual.span[1] > manual.span[0], JSON.stringify(manual));
  shot("tagged", await session.screenshot());
});

test("a session facet narrows the results to that one session", async () => {
  await session.clickOn(sel("nav-search"));
  const input = (await session.waitFor(sel("search-input")))[0];
  await session.clear(input);
  await session.type(input, "cyber");
  await session.waitForText(sel("search-total", `[data-query="cyber"]`), (t) => /^[\d,]+ statements?/.test(t));
  const [facet] = await session.waitFor(sel("facet-session"));
  const name = await session.attribute(facet, "data-name");
  const count = Number((await session.text(facet)).match(/([\d,]+)$/)[1].replaceAll(",", ""));
  await session.click(facet);
  const chip = (await session.waitFor(sel("filter-chip")))[0];
  assert.equal(await session.attribute(chip, "data-filter"), `session:"${name}"`);
  await session.waitForText(sel("search-total"), (t) => Number(t.replaceAll(",", "").match(/^\d+/)?.[0]) === count);
  // The CLI, given the same filter, counts the same statements.
  const cli = JSON.parse(plenary("search", `cyber session:"${name}"`, "--format", "json"));
  assert.equal(cli.total, count);
  shot("search-session", await session.screenshot());
  await session.clickOn(sel("filter-chip-remove"));
  await session.clear(input);
});

test("comparing France and the Russian Federation on poa shows both positions, as the CLI does", async () => {
  await session.clickOn(sel("nav-compare"));
  for (const actor of ["France", "Russian Federation"]) {
    const input = (await session.waitFor(`${sel("compare-actor-picker")} input`))[0];
    await session.clear(input);
    await session.type(input, actor);
    await session.clickOn(sel("compare-actor-add"));
  }
  await session.clickOn(`${sel("compare-theme-picker")} input[data-theme-key="poa"]`);
  const expected = plenary("compare", "--actors", "France,Russian Federation", "--themes", "poa", "--format", "json")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  for (const position of expected) {
    const [cell] = await session.waitFor(sel("compare-cell", `[data-actor="${position.actor}"][data-theme="poa"]`));
    assert.equal(await session.attribute(cell, "data-stance"), position.stance, position.actor);
    assert.equal(Number(await session.attribute(cell, "data-statements")), position.statements, position.actor);
  }
  assert.ok(expected.some((p) => p.statements > 0), "someone spoke on poa");
  const busy = expected.find((p) => p.statements > 0);
  await session.clickOn(sel("compare-cell", `[data-actor="${busy.actor}"][data-theme="poa"]`));
  await session.waitFor(sel("cell-statement"), busy.statements);
  shot("compare", await session.screenshot());
});

test("the heatmap, an actor profile and the codebook open and show their data", async () => {
  await session.clickOn(sel("compare-tab-heatmap"));
  await session.waitFor(sel("matrix-cell"), 2);
  shot("heatmap", await session.screenshot());
  // The last cell with statements sits far down the scrolled table, below its sticky
  // header: clicking it lists that actor's statements on that theme.
  const cells = await session.findAll(sel("matrix-cell", ":not([disabled])"));
  const last = cells[cells.length - 1];
  const [actor, theme] = [await session.attribute(last, "data-actor"), await session.attribute(last, "data-theme")];
  const count = Number(await session.attribute(last, "data-statements"));
  await session.click(last);
  await session.waitFor(sel("cell-statements", `[data-actor="${actor}"][data-theme="${theme}"]`));
  const listed = await session.waitFor(sel("cell-statement"), count);
  assert.equal(listed.length, count, `${actor} on ${theme}`);
  shot("heatmap-cell", await session.screenshot());
  await session.clickOn(sel("matrix-actor"));
  await session.waitFor(sel("actor-profile"));
  await session.waitFor(sel("actor-statement"));
  shot("actor", await session.screenshot());
  await session.clickOn(sel("nav-codebook"));
  const text = (await session.waitFor(sel("codebook-text")))[0];
  assert.match(await session.execute("return arguments[0].value", [{ "element-6066-11e4-a52e-4f735466cecf": text }]), /\[\[theme\]\]/);
  await session.waitFor(sel("codebook-theme"), 10);
  shot("codebook", await session.screenshot());
});

test("a codebook that drops most themes is saved only when confirmed, and reports the tags that went", async () => {
  await session.clickOn(sel("nav-codebook"));
  const area = (await session.waitFor(sel("codebook-text")))[0];
  const element = { "element-6066-11e4-a52e-4f735466cecf": area };
  const setText = (text) =>
    session.execute("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", [element, text]);
  const original = await session.execute("return arguments[0].value", [element]);
  await setText('[[theme]]\nkey = "funding"\nlabel = "Funding"\nsignals = ["fund"]\n');
  await session.clickOn(sel("codebook-save"));
  const refusal = await session.waitForText(sel("codebook-error"), (t) => t.includes("would remove"));
  assert.match(refusal, /would remove \d+ of the library's \d+ themes/);
  shot("codebook-confirm", await session.screenshot());
  await session.clickOn(sel("codebook-replace"));
  const changes = await session.waitForText(sel("codebook-changes"), (t) => t.includes("−"));
  assert.ok(!changes.includes("changed nothing"), changes);
  shot("codebook-replaced", await session.screenshot());
  // The shipped codebook back, for the tests that follow: adding themes needs no confirming.
  await setText(original);
  await session.clickOn(sel("codebook-save"));
  await session.waitForText(sel("codebook-changes"), (t) => t.includes("+"), 60000);
});

test("a statement with markup shows as text and runs nothing", async () => {
  await session.clickOn(sel("nav-search"));
  const input = (await session.waitFor(sel("search-input")))[0];
  await session.clear(input);
  await session.type(input, "onerror");
  const text = await session.waitForText(sel("search-result"), (t) => t.includes("onerror=alert(1)"));
  assert.ok(text.includes("<img src=x onerror=alert(1)>"), text);
  assert.ok(text.includes("<script>"), text);
  const injected = await session.execute("return document.querySelectorAll('main img, main script').length");
  assert.equal(injected, 0);
  shot("hostile", await session.screenshot());
});

/** Switches the theme to `wanted` (the toggle cycles system → light → dark; the last choice persists across runs). */
async function pickTheme(wanted) {
  for (let i = 0; i < 3; i++) {
    if ((await session.execute("return document.documentElement.dataset.theme ?? 'system'")) === wanted) return;
    await session.clickOn(sel("theme-toggle"));
  }
  assert.fail(`the toggle never reached ${wanted}`);
}

test("dark and light themes both apply", async () => {
  const background = "return getComputedStyle(document.documentElement).backgroundColor";
  const pick = pickTheme;
  await pick("dark");
  const dark = await session.execute(background);
  shot("search-dark", await session.screenshot());
  await pick("light");
  const light = await session.execute(background);
  assert.notEqual(dark, light);
  shot("search-light", await session.screenshot());
  await pick("system");
});

test("a long import shows its progress and stops when cancelled", async () => {
  const corpus = join(root, "../shared/corpus/ungdc");
  await session.clickOn(sel("nav-library"));
  const path = (await session.waitFor(sel("import-path")))[0];
  await session.clear(path);
  await session.type(path, corpus);
  await session.clickOn(sel("import-path-button"));
  const progress = await session.waitForText(sel("progress"), (t) => /\d/.test(t), 30000);
  assert.match(progress, /\d+/);
  shot("import-progress", await session.screenshot());
  await session.clickOn(sel("cancel-button"));
  await session.waitFor(sel("import-panel", '[data-state="done"]'), 1, 120000);
  const summary = await session.text((await session.waitFor(sel("import-summary")))[0]);
  assert.match(summary, /^Cancelled/, summary);
  const files = readdirSync(corpus, { recursive: true }).filter((f) => f.endsWith(".txt")).length;
  const results = (await session.findAll(sel("import-result"))).length;
  assert.ok(results > 0 && results < files, `${results} of ${files} files before the cancel`);
  shot("import-cancelled", await session.screenshot());
});

test("rebuilding the index reports what it indexed and search still answers", async () => {
  await session.clickOn(sel("nav-library"));
  await session.clickOn(sel("reindex-button"));
  const result = await session.waitForText(sel("reindex-result"), (t) => /Indexed [\d,]+ statements/.test(t), 120000);
  const indexed = Number(result.replace(/[^\d]/g, ""));
  const status = JSON.parse(plenary("status", "--format", "json"));
  assert.equal(indexed, status.statements, result);
  shot("reindexed", await session.screenshot());
  await session.clickOn(sel("nav-search"));
  const input = (await session.waitFor(sel("search-input")))[0];
  await session.clear(input);
  await session.type(input, '"programme of action"');
  await session.waitForText(sel("search-result"), (t) => t.startsWith("France"));
});

/** Waits for the page to paint what it just changed (a screenshot may show the frame before). */
const painted = () =>
  session.execute("return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))");

/** JSON Lines printed by the CLI, parsed. */
const jsonLines = (out) => out.split("\n").filter(Boolean).map((l) => JSON.parse(l));

test("reviewing speakers: one suggestion accepted with a key, one speaker typed; both leave the queue", async () => {
  const file = join(root, "../shared/corpus/webtv/2026-07-24_global-mechanism_plenary-session-meeting-9.txt");
  await session.clickOn(sel("nav-library"));
  const path = (await session.waitFor(sel("import-path")))[0];
  await session.clear(path);
  await session.type(path, file);
  await session.clickOn(sel("import-path-button"));
  await session.waitForText(sel("import-result"), (t) => t.includes("meeting-9"), 60000);
  await session.waitFor(sel("import-panel", '[data-state="done"]'), 1, 60000);
  const doc = jsonLines(plenary("documents", "--format", "json")).find((d) => d.source_path === file);
  assert.ok(doc, `${file} is not in the library`);
  const queued = jsonLines(plenary("review", "--document", String(doc.id), "--format", "json"));
  const total = jsonLines(plenary("review", "--format", "json")).length;
  // One with a suggestion and other candidates to accept, one to type a speaker for.
  const toAccept = queued.find((s) => s.speaker && s.alternatives.length) ?? queued.find((s) => s.speaker);
  const toFix = queued.find((s) => s.id !== toAccept?.id && s.speaker !== "Ghana");
  assert.ok(toAccept && toFix, `the transcript has statements to review: ${JSON.stringify(queued.map((s) => s.id))}`);

  await session.clickOn(sel("nav-review"));
  await session.waitFor(sel("review-view"));
  await session.waitForText(sel("review-remaining"), (t) => t.replaceAll(",", "") === String(total));
  const count = await session.clickOn(sel("review-document-count", `[data-document="${doc.id}"]`));
  assert.equal(Number(await session.attribute(count, "data-remaining")), queued.length);
  await session.waitFor(sel("review-item", `[data-document-id="${doc.id}"]`));

  /** Moves with J (and K, if it went past) until `id` is shown. */
  const showItem = async (id) => {
    for (let i = 0; i < queued.length + 2; i++) {
      const [shown] = await session.findAll(sel("review-item"));
      const at = Number(await session.attribute(shown, "data-statement-id"));
      if (at === id) return shown;
      const before = queued.findIndex((s) => s.id === at) < queued.findIndex((s) => s.id === id);
      await session.keys(before ? "j" : "k");
      await session.waitFor(`${sel("review-item")}:not([data-statement-id="${at}"])`);
    }
    assert.fail(`statement ${id} never came up`);
  };

  // Accept: what it shows is the queue's statement, then Enter keeps the suggestion.
  await showItem(toAccept.id);
  assert.equal(await session.text((await session.findAll(sel("review-suggested")))[0]), toAccept.speaker);
  const reason = await session.text((await session.findAll(sel("review-reason")))[0]);
  assert.ok(reason.includes(toAccept.review), reason);
  if (toAccept.evidence) {
    assert.ok((await session.text((await session.findAll(sel("review-evidence")))[0])).includes(toAccept.evidence.trim()));
  }
  const shownText = await session.execute(`return document.querySelector('[data-testid="review-text"]').textContent`);
  assert.equal(shownText, toAccept.text);
  for (const name of toAccept.alternatives) {
    await session.waitFor(sel("review-alternative", `[data-speaker="${name}"]`));
  }
  await pickTheme("light");
  await session.waitForText(sel("theme-toggle"), (t) => t.endsWith("light"));
  await painted();
  shot("review", await session.screenshot());
  await pickTheme("dark");
  await session.waitForText(sel("theme-toggle"), (t) => t.endsWith("dark"));
  await painted();
  shot("review-dark", await session.screenshot());
  await pickTheme("system");
  // Keys go to the page, not to the theme button last clicked.
  await session.execute("document.activeElement?.blur()");
  await session.keys(Session.KEYS.enter);
  await session.waitForText(sel("review-last"), (t) => t.includes(`statement ${toAccept.id}`));
  await session.waitFor(sel("review-document-count", `[data-document="${doc.id}"][data-remaining="${queued.length - 1}"]`));

  // Fix: type a State's name.
  await showItem(toFix.id);
  const input = (await session.waitFor(sel("review-fix-input")))[0];
  await session.type(input, "Ghana");
  await painted();
  shot("review-fix", await session.screenshot());
  await session.clickOn(sel("review-fix-submit"));
  await session.waitForText(sel("review-last"), (t) => t.includes(`statement ${toFix.id}`));
  await session.waitFor(sel("review-document-count", `[data-document="${doc.id}"][data-remaining="${queued.length - 2}"]`));
  await session.waitForText(sel("review-remaining"), (t) => t.replaceAll(",", "") === String(total - 2));
  await painted();
  shot("review-after", await session.screenshot());

  // The library agrees: both are manual, with the kept and the typed speaker, and out of the queue.
  const statements = jsonLines(plenary("statements", "--document", String(doc.id), "--format", "json"));
  const accepted = statements.find((s) => s.id === toAccept.id);
  const fixed = statements.find((s) => s.id === toFix.id);
  assert.equal(accepted.method, "manual");
  assert.equal(accepted.speaker, toAccept.speaker);
  assert.equal(accepted.review, null);
  assert.equal(fixed.method, "manual");
  assert.equal(fixed.speaker, "Ghana");
  assert.equal(fixed.review, null);
  const left = jsonLines(plenary("review", "--document", String(doc.id), "--format", "json")).map((s) => s.id);
  assert.ok(!left.includes(toAccept.id) && !left.includes(toFix.id), JSON.stringify(left));
  assert.equal(left.length, queued.length - 2);
});

/** Sets a form field's value as typing would end (an `input` event), e.g. to empty it. */
const setField = (testid, value) =>
  session.execute(
    `const e = document.querySelector('[data-testid="' + arguments[0] + '"]');
     e.value = arguments[1];
     e.dispatchEvent(new Event("input", { bubbles: true }));
     e.dispatchEvent(new Event("change", { bubbles: true }));`,
    [testid, value],
  );

/** Waits until nothing matches `css`. */
async function gone(css, timeoutMs = 5000) {
  const started = Date.now();
  while ((await session.findAll(css)).length) {
    if (Date.now() - started > timeoutMs) assert.fail(`${css} is still there`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until the text content of the element matching `css` satisfies `accept` (the
 * content, not WebDriver's rendered text, which leaves out text cut with an ellipsis).
 */
async function waitForContent(css, accept, timeoutMs = 15000) {
  const started = Date.now();
  let seen = null;
  for (;;) {
    seen = await session.execute(`return document.querySelector(arguments[0])?.textContent ?? null`, [css]);
    if (seen !== null && accept(seen)) return seen;
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for the content of ${css}; saw: ${seen}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** A field's current value in the page. */
const fieldValue = (testid) => session.execute(`return document.querySelector('[data-testid="' + arguments[0] + '"]').value`, [testid]);

/** Imports `file` from the Library screen's path field and returns its status. */
async function importThroughUi(file) {
  await session.clickOn(sel("nav-library"));
  const path = (await session.waitFor(sel("import-path")))[0];
  await session.clear(path);
  await session.type(path, file);
  await session.clickOn(sel("import-path-button"));
  const name = file.split("/").pop();
  // The panel still shows the last import until this one reports its file.
  await session.waitForText(sel("import-result"), (t) => t.includes(name), 60000);
  await session.waitFor(sel("import-panel", '[data-state="done"]'), 1, 60000);
  const [result] = await session.findAll(sel("import-result"));
  return session.attribute(result, "data-status");
}

test("correcting a document's title and meeting in the Library screen; a re-import keeps the correction", async () => {
  // A short transcript written for this test: the Chair opens the 2nd meeting of the
  // 4th substantive session of the OEWG.
  const file = join(mkdtempSync(join(tmpdir(), "plenary-e2e-edit-")), "session-4-meeting-2.txt");
  const transcript = [
    "Session 4-2 Transcript",
    "(OEWG 2021-25)",
    "",
    "This is an unofficial transcript",
    "",
    "Chair",
    "",
    "Good morning. The second meeting of the fourth substantive session is now called to order. I give the floor to Norway.",
    "",
    "Norway",
    "",
    "Thank you, Chair. Norway would like to see more regional workshops on incident response.",
    "",
    "Chair",
    "",
    "Thank you, Norway. I now give the floor to Ghana.",
    "",
    "Ghana",
    "",
    "Thank you, Chair. Ghana asks for a small fund for training national points of contact.",
    "",
    "Chair",
    "",
    "Thank you. The meeting is adjourned.",
    "",
  ].join("\n");
  writeFileSync(file, transcript);
  assert.equal(await importThroughUi(file), "imported");
  const byPath = () => jsonLines(plenary("documents", "--format", "json")).find((d) => d.source_path === file);
  const before = byPath();
  assert.ok(before, `${file} is not in the library`);
  assert.equal(before.meeting, "2nd meeting");
  assert.deepEqual(before.corrected, []);

  // Find it with the list's filter and open its form: the current values are there.
  const filter = (await session.waitFor(sel("document-filter")))[0];
  await session.clear(filter);
  await session.type(filter, "session-4-meeting-2");
  await session.clickOn(sel("document-edit-open", `[data-document-id="${before.id}"]`));
  await session.waitFor(sel("document-edit", `[data-document-id="${before.id}"]`));
  await session.waitFor(sel("document-edit-title"));
  assert.equal(await fieldValue("document-edit-title"), before.title);
  assert.equal(await fieldValue("document-edit-process"), "oewg-2021-2025");
  assert.equal(await fieldValue("document-edit-session"), before.session);
  assert.equal(await fieldValue("document-edit-meeting"), "2");
  assert.equal(await fieldValue("document-edit-date"), "");

  // A day that does not exist: the core's words, and nothing stored.
  await session.type((await session.findAll(sel("document-edit-date")))[0], "2026-02-30");
  await session.clickOn(sel("document-edit-save"));
  const error = await session.waitForText(sel("document-edit-error"), (t) => t.length > 0);
  assert.match(error, /2026-02-30.*there is no such day.*YYYY-MM-DD/, error);
  await pickTheme("light");
  await painted();
  shot("document-edit-error", await session.screenshot());
  assert.deepEqual(byPath().corrected, []);
  await setField("document-edit-date", "");

  // The title and the meeting, typed as a person would.
  const title = (await session.findAll(sel("document-edit-title")))[0];
  await session.clear(title);
  await session.type(title, "OEWG, 4th session, 3rd meeting (corrected)");
  const meeting = (await session.findAll(sel("document-edit-meeting")))[0];
  await session.clear(meeting);
  await session.type(meeting, "3");
  await session.execute(`document.querySelector('[data-testid="document-edit"]').scrollIntoView({ block: "center" })`);
  await painted();
  shot("document-edit", await session.screenshot());
  await pickTheme("dark");
  await session.waitForText(sel("theme-toggle"), (t) => t.endsWith("dark"));
  await painted();
  shot("document-edit-dark", await session.screenshot());
  await pickTheme("system");
  await session.clickOn(sel("document-edit-save"));

  // The form closes and the row shows the correction…
  await waitForContent(sel("document-row", `[data-document-id="${before.id}"]`), (t) => t.includes("OEWG, 4th session, 3rd meeting (corrected)") && t.includes("3rd meeting"));
  await gone(sel("document-edit"));
  await session.waitFor(`${sel("document-row", `[data-document-id="${before.id}"]`)} ${sel("document-corrected")}`);
  await painted();
  shot("document-edited", await session.screenshot());
  // …which the library stores: only the two fields changed.
  const after = byPath();
  assert.equal(after.title, "OEWG, 4th session, 3rd meeting (corrected)");
  assert.equal(after.meeting, "3rd meeting");
  assert.equal(after.session, before.session);
  assert.equal(after.process, before.process);
  assert.equal(after.date, null);
  assert.deepEqual(after.corrected, ["title", "meeting"]);

  // Esc closes the form without saving.
  await session.clickOn(sel("document-edit-open", `[data-document-id="${before.id}"]`));
  const again = (await session.waitFor(sel("document-edit-title")))[0];
  assert.equal(await fieldValue("document-edit-title"), after.title);
  await session.type(again, " (not saved)");
  await session.keys(Session.KEYS.escape);
  await gone(sel("document-edit"));
  assert.equal(byPath().title, after.title);

  // Importing the same file again keeps it…
  assert.equal(await importThroughUi(file), "already_present");
  let kept = byPath();
  assert.equal(kept.title, after.title);
  assert.equal(kept.meeting, "3rd meeting");
  assert.deepEqual(kept.corrected, ["title", "meeting"]);
  // …and so does a changed version of the file, which replaces the document.
  writeFileSync(file, transcript.replace("incident response.", "incident response and on capacity-building."));
  assert.equal(await importThroughUi(file), "replaced");
  kept = byPath();
  assert.equal(kept.title, after.title);
  assert.equal(kept.meeting, "3rd meeting");
  assert.deepEqual(kept.corrected, ["title", "meeting"]);
  await waitForContent(sel("document-row", `[data-document-id="${kept.id}"]`), (t) => t.includes(after.title));
  await setField("document-filter", "");
});
