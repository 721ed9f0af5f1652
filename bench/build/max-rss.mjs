// Imported (node --import) into a compiler run when /usr/bin/time is not
// available: writes the process's peak resident set size, in kB, to the file
// named by BENCH_MAX_RSS_FILE when the process exits.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
