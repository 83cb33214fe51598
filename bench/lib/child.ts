import { spawn } from 'node:child_process';

/**
 * Runs `node <args>` in a child process with exactly `env`, and resolves with everything it printed once it exits 0.
 * Rejects with the tail of its stderr otherwise. Benchmarks that must not share this process (a cold start, a load
 * generator) parse their result from `out`.
 */
export function runNode(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; label: string },
): Promise<{ out: string; err: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${options.label} exited ${code}: ${err.slice(-2000)}`));
      else resolveRun({ out, err });
    });
  });
}
