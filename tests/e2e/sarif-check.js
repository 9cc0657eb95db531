// Validates SARIF logs against the official SARIF 2.1.0 JSON schema with Ajv (draft-07).
// Usage: node sarif-check.js SCHEMA LOG...   (scripts/setup.sh fetches both tools into .cache/)
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require(path.join(__dirname, "..", "..", ".cache", "ajv", "node_modules", "ajv"));

const [schemaPath, ...logs] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
delete schema.$schema; // draft-07 is Ajv's default; the URI form in the file differs
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);
let failed = 0;
for (const log of logs) {
  const ok = validate(JSON.parse(fs.readFileSync(log, "utf8")));
  if (!ok) {
    failed += 1;
    for (const error of validate.errors) {
      console.log(`${log}: ${error.instancePath || "/"} ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
