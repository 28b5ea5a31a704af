// A minimal W3C WebDriver client over fetch, enough to drive the desktop app through
// tauri-driver (which starts the app and hands over to WebKitWebDriver).

import { spawn } from "node:child_process";
import { join } from "node:path";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/**
 * Starts tauri-driver on `port` (WebKitWebDriver on `port + 1`) and waits until it
 * answers. Returns the child process; kill it when done.
 */
export async function startDriver(port, stdio = "inherit") {
  const path = process.env.TAURI_DRIVER ?? join(process.env.HOME ?? "/root", ".cargo/bin/tauri-driver");
  const driver = spawn(path, ["--port", String(port), "--native-port", String(port + 1)], { stdio });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return driver;
}

export class Session {
  static KEYS = { enter: "\uE007", escape: "\uE00C", left: "\uE012", right: "\uE014" };

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async start(base, application, args = []) {
    const body = {
      capabilities: {
        alwaysMatch: { "tauri:options": { application, args } },
      },
    };
    const res = await request("POST", `${base}/session`, body);
    return new Session(base, res.value.sessionId);
  }

  async cmd(method, path, body) {
    return (await request(method, `${this.base}/session/${this.id}${path}`, body)).value;
  }

  async find(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Waits until `css` matches at least `count` elements; returns them. */
  async waitFor(css, count = 1, timeoutMs = 15000) {
    const started = Date.now();
    for (;;) {
      const found = await this.findAll(css);
      if (found.length >= count) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${count} × ${css}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /**
   * Waits until some element matching `css` has text for which `accept` is true, and
   * returns that text. Elements replaced while we read them (the UI re-renders as the
   * query is typed) are simply read again.
   */
  async waitForText(css, accept, timeoutMs = 15000) {
    const started = Date.now();
    let seen = [];
    for (;;) {
      try {
        seen = await Promise.all((await this.findAll(css)).map((e) => this.text(e)));
        const found = seen.find(accept);
        if (found !== undefined) return found;
      } catch (err) {
        if (!String(err).includes("stale element")) throw err;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for text in ${css}; saw: ${seen.join(" | ")}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async type(element, text) {
    await this.cmd("POST", `/element/${element}/value`, { text });
  }

  /**
   * Presses keys on whatever has the focus, as a keyboard would (WebDriver actions):
   * each character of `text` down and up; `Session.KEYS` names the special keys.
   */
  async keys(text) {
    const actions = [...text].flatMap((value) => [
      { type: "keyDown", value },
      { type: "keyUp", value },
    ]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
    await this.cmd("DELETE", "/actions");
  }

  async clear(element) {
    await this.cmd("POST", `/element/${element}/clear`, {});
  }

  async click(element) {
    await this.cmd("POST", `/element/${element}/click`, {});
  }

  /** Clicks the first element matching `css`, waiting for it to appear. */
  async clickOn(css, timeoutMs = 15000) {
    const [element] = await this.waitFor(css, 1, timeoutMs);
    await this.click(element);
    return element;
  }

  async attribute(element, name) {
    return this.cmd("GET", `/element/${element}/attribute/${name}`);
  }

  async text(element) {
    return this.cmd("GET", `/element/${element}/text`);
  }

  async execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  async screenshot() {
    return Buffer.from(await this.cmd("GET", "/screenshot"), "base64");
  }

  async end() {
    await request("DELETE", `${this.base}/session/${this.id}`);
  }
}

async function request(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || json.value?.error) {
    throw new Error(`${method} ${url}: ${JSON.stringify(json.value ?? json)}`);
  }
  return json;
}
