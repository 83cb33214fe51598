import type { ChildProcess } from 'node:child_process';

/**
 * Asks a child process to stop (`SIGTERM` unless told otherwise; `npm start` is stopped with the Ctrl-C it expects),
 * kills it if it has not gone after `graceMs`, and resolves once it has exited.
 */
export function stopProcess(
  child: ChildProcess,
  options: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill(options.signal ?? 'SIGTERM');
  });
}
