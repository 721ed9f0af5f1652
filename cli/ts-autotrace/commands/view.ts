import type { Command } from "../command";
export const viewCommand: Command = {
  name: "view",
  summary: "",
  help: "",
  options: {},
  positionals: { min: 1, max: 1 },
  run: () => 0,
};
