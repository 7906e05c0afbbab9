/**
 * CPU time a process group has used (Linux, from /proc), so a benchmark on a shared machine can
 * report the server's work per operation beside the wall-clock rate that other load skews.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

/** Milliseconds of user and system CPU used by the processes of `group`, or null where /proc is missing. */
export function groupCpuMs(group: number | undefined): number | null {
  if (group === undefined) return null;
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue; // gone since the listing
      }
      // Fields after the command name (which may hold spaces): state, ppid, pgrp, …, utime (12th), stime (13th).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return (ticks * 1000) / TICKS_PER_S;
}
