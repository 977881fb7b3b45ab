// Throughput of Microsoft Recognizers-Text (number, percentage and currency recognizers, the
// ones econind's figures correspond to) over the given .txt files.
//   node recognizers.js FILE... → prints "bytes seconds figures" on one line
const fs = require("fs");
const Suite = require("@microsoft/recognizers-text-suite");

const files = process.argv.slice(2);
const texts = files.map((f) => fs.readFileSync(f, "utf8"));
const culture = (t) => (/[\u4e00-\u9fff]/.test(t) ? Suite.Culture.Chinese : Suite.Culture.English);

let figures = 0;
let bytes = 0;
const start = process.hrtime.bigint();
for (const text of texts) {
  const c = culture(text);
  figures += Suite.recognizeNumber(text, c).length;
  figures += Suite.recognizePercentage(text, c).length;
  figures += Suite.recognizeCurrency(text, c).length;
  bytes += Buffer.byteLength(text, "utf8");
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${bytes} ${seconds.toFixed(3)} ${figures}`);
