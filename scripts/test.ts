// `npm test`: unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set) and end-to-end tests in Debian's Chromium, in one Vitest run. Ends
// with a plain "N passed, N failed" line. A missing browser, poppler or xmllint fails
// the run: no test is ever skipped.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumMissingMessage } from "@/e2e/browser";

const missing = chromiumMissingMessage();
if (missing) {
  console.error(missing);
  process.exit(1);
}
// The PDF tests read the reports as a reader gets them: text and rendered pages.
for (const tool of ["pdftotext", "pdftoppm"]) {
  if (spawnSync(tool, ["-v"]).error) {
    console.error(
      `${tool} is missing: the PDF tests need poppler. Install it (sudo apt-get install -y poppler-utils) and run again.`,
    );
    process.exit(1);
  }
}
// The IATI tests validate the app's XML against IATI's own schema.
if (spawnSync("xmllint", ["--version"]).error) {
  console.error(
    "xmllint is missing: the IATI tests need it. Install it (sudo apt-get install -y libxml2-utils) and run again.",
  );
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL is not set: integration tests run on PGlite only (CI also runs them on PostgreSQL).");
}

const report = "test-results/vitest.json";
fs.mkdirSync("test-results", { recursive: true });
fs.rmSync(report, { force: true });
const result = spawnSync(
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);

type JsonReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, "utf8")) as JsonReport;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
} else {
  console.log("\n0 passed, 1 failed");
}
process.exit(result.status ?? 1);
