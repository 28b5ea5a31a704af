// End-to-end tests of the desktop app in a real window: Xvfb + tauri-driver +
// WebKitWebDriver. Run by scripts/test-all.sh after the app is built:
//   node --test ui/e2e/*.e2e.mjs
// Each test saves a screenshot of what it saw in tests/artifacts/.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = join(root, "target/debug/plenary-desktop");
const cli = join(root, "target/debug/plenary");
const artifacts = join(root, "tests/artifacts");
const port = 4444 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
let driver;
let session;

function shot(name, png) {
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, `e2e-${name}.png`), png);
}

before(async () => {
  // A library holding the seeds and a statement with markup in it.
  const library = mkdtempSync(join(tmpdir(), "plenary-e2e-"));
  const imported = spawnSync(cli, ["--library", library, "import", join(root, "../shared/corpus/seeds"), join(root, "tests/fixtures/formats/hostile.txt")], {
    encoding: "utf8",
  });
  assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  const driverPath = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "/root", ".cargo/bin/tauri-driver");
  driver = spawn(driverPath, ["--port", String(port), "--native-port", String(port + 1)], { stdio: "inherit" });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  session = await Session.start(base, app, ["--library", library]);
});

after(async () => {
  await session?.end().catch(() => {});
  driver?.kill();
});

test("searching a phrase shows hits with their speakers and a total", async () => {
  const input = (await session.waitFor('[data-testid="search-input"]'))[0];
  await session.type(input, '"programme of action"');
  const total = await session.waitForText('[data-testid="search-total"]', (t) => /^\d+ statements?/.test(t));
  assert.match(total, /^\d+ statements?/);
  const france = await session.waitForText('[data-testid="search-result"]', (t) => t.startsWith("France"));
  assert.ok(france.includes("POA") || /programme of action/i.test(france), france);
  assert.ok((await session.findAll('[data-testid="facet-speaker"]')).length > 0, "speaker facet");
  shot("search", await session.screenshot());
  await session.clear(input);
});

test("a statement with markup shows as text and runs nothing", async () => {
  const input = (await session.waitFor('[data-testid="search-input"]'))[0];
  await session.type(input, "onerror");
  const text = await session.waitForText('[data-testid="search-result"]', (t) => t.includes("onerror=alert(1)"));
  assert.ok(text.includes("<img src=x onerror=alert(1)>"), text);
  assert.ok(text.includes("<script>"), text);
  const injected = await session.execute("return document.querySelectorAll('[data-testid=\"search-result\"] img, [data-testid=\"search-result\"] script').length");
  assert.equal(injected, 0);
  shot("hostile", await session.screenshot());
  await session.clear(input);
});
