// Preloaded into a measured process (`node -r bench/rss.cjs …`): writes its peak RSS (KiB) where the bench asks.
const file = process.env.DSI_BENCH_RSS_FILE;
if (file) process.on('exit', () => require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS)));
