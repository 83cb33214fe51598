import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/*
 * CPU time spent by this process and by DynamoDB Local during a measured stretch, so a latency under load can be split
 * into "our process was busy", "the emulator was busy" and "waiting for a core" (the machine is shared). Linux only:
 * elsewhere the emulator's share reads as undefined and is left out of the row.
 */

const TICKS_PER_SECOND = 100;

/** The DynamoDB Local process serving `endpoint` (its command line names the jar and the port). */
export function emulatorPid(endpoint: string): number | undefined {
  const port = new URL(endpoint).port;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let args: string[];
      try {
        args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      } catch {
        continue;
      }
      const portAt = args.indexOf('-port');
      if (args.some((arg) => arg.endsWith('DynamoDBLocal.jar')) && portAt !== -1 && args[portAt + 1] === port) {
        return Number(entry);
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** User + system CPU milliseconds a process has used so far (utime and stime in /proc/<pid>/stat). */
function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface CpuSplit {
  /** This process's CPU milliseconds over the stretch. */
  processMs: number;
  /** DynamoDB Local's, when it could be read. */
  emulatorMs: number | undefined;
  /** The 1-minute load average at the end (2 cores: above 2 means work was waiting for a core). */
  loadAverage: number;
}

/** Starts measuring; call the result to read the split so far. */
export function measureCpu(endpoint: string): () => CpuSplit {
  const pid = emulatorPid(endpoint);
  const process0 = process.cpuUsage();
  const emulator0 = cpuMsOf(pid);
  return () => {
    const used = process.cpuUsage(process0);
    const emulator1 = cpuMsOf(pid);
    return {
      processMs: (used.user + used.system) / 1000,
      emulatorMs: emulator0 === undefined || emulator1 === undefined ? undefined : emulator1 - emulator0,
      loadAverage: loadavg()[0] ?? 0,
    };
  };
}
