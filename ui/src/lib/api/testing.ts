// Test helper (imported by *.test.ts only): records the commands the API layer sends.
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";

export interface Sent {
  cmd: string;
  args: Record<string, unknown>;
}

/** Mocks the shell: `reply` answers each command; returns the list of what was sent. */
export function mockShell(reply: (cmd: string, args: Record<string, unknown>) => unknown): Sent[] {
  const sent: Sent[] = [];
  mockWindows("main");
  mockIPC((cmd, args) => {
    sent.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    return reply(cmd, (args ?? {}) as Record<string, unknown>);
  });
  return sent;
}

/** A shell whose every command rejects with `{code, message}`. */
export function mockFailingShell(code: string, message: string): void {
  mockWindows("main");
  mockIPC(() => {
    throw { code, message };
  });
}
