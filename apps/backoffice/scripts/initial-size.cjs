// `npm run size -w apps/backoffice`: compressed size of the initial bundle of the last build.
// Initial bundle = index.html's scripts/styles plus every chunk they import statically (not import()).
const fs = require('fs'), zlib = require('zlib');
process.chdir(require('path').join(__dirname, '../dist/browser'));
const html = fs.readFileSync('index.html', 'utf8');
const seen = new Set();
const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
while (queue.length) {
  const f = queue.shift();
  if (seen.has(f)) continue;
  seen.add(f);
  if (!f.endsWith('.js')) continue;
  const src = fs.readFileSync(f, 'utf8');
  for (const m of src.matchAll(/(?:^|[;\s}])import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(m[1]);
}
let raw = 0, gz = 0, br = 0, jsRaw = 0, jsGz = 0;
for (const f of seen) {
  const b = fs.readFileSync(f);
  const g = zlib.gzipSync(b, { level: 9 }).length;
  raw += b.length; gz += g; br += zlib.brotliCompressSync(b).length;
  if (f.endsWith('.js')) { jsRaw += b.length; jsGz += g; }
}
console.log({ files: seen.size, rawKB: (raw / 1000).toFixed(1), gzipKB: (gz / 1000).toFixed(1), brotliKB: (br / 1000).toFixed(1), jsRawKB: (jsRaw / 1000).toFixed(1), jsGzipKB: (jsGz / 1000).toFixed(1) });
