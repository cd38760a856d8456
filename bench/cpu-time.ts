// CPU time of this process (user + system), in milliseconds: the benchmarks report it next to wall
// time because the shared machine's other work inflates wall time but not the process's own CPU.
export const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;
