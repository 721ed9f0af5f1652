/** ts-autotrace for Vite (dev server, build, SSR) and vitest: `plugins: [autotrace()]` in vite.config.ts or vitest.config.ts. */
import { autotrace } from "./unplugin";

export type { AutotraceOptions } from "../options";
export default autotrace.vite;
