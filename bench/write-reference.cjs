// The disk's part of `compile --out`, as a reference in the same run: N files of about the size of
// a compiled request written into a new folder the way dsi writes (each to a temporary name,
// created exclusively, then all renamed). `node bench/write-reference.cjs FOLDER N`
const fs = require('node:fs');
const path = require('node:path');
const [folder, count] = [process.argv[2], Number(process.argv[3])];
const content = JSON.stringify({ TaskArn: 'arn:aws:datasync:us-east-1:111122223333:task/task-0a1b2c3d4e5f60000', padding: 'x'.repeat(420) }, null, 2) + '\n';
fs.mkdirSync(folder, { recursive: true });
const temps = [];
for (let i = 0; i < count; i++) {
  const temp = path.join(folder, `.transfer-${i}.json.dsi-${process.pid}-${i.toString(16).padStart(12, '0')}.tmp`);
  fs.writeFileSync(temp, content, { flag: 'wx' });
  temps.push(temp);
}
temps.forEach((temp, i) => fs.renameSync(temp, path.join(folder, `transfer-${i}.json`)));
