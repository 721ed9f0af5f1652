/** ts-autotrace for webpack: `plugins: [autotrace()]` in webpack.config.js. */
import { autotrace } from "./unplugin";

export type { AutotraceOptions } from "../options";
export default autotrace.webpack;
