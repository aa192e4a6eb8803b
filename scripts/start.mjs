// npm start: the main job on the bundled Wuzhi 2024 plan. Builds the package (so it never runs a
// stale dist/), then runs it.
import { spawnSync } from "node:child_process";

const root = new URL("..", import.meta.url);
const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);
const { MODEL_NAMES } = await import(new URL("dist/index.js", root).href);
console.log("fazhi：数据模型与 JSON Schema 已就绪（%d 个模型）。Model and JSON Schemas ready (%d models).", MODEL_NAMES.length, MODEL_NAMES.length);
console.log("公文解析、责任矩阵、时间节点与考核评分即将推出。Parsing, the matrix, the calendar and scoring are coming.");
