// Verifies an IPN from the exchanger in Node.js: the legacy `hash` field and the Standard Webhooks
// headers, with the official `standardwebhooks` package (npm install standardwebhooks@1.1.1).
//
//   const { verifyIpn } = require("./verify-ipn");
//   // rawBody: the request body exactly as received (a string or Buffer), before any parsing
//   const form = verifyIpn(rawBody, req.headers, process.env.EXCHANGER_IPN_SECRET); // throws if not genuine
//
// Two details make the library accept our IPNs:
// - the secret: the HMAC key is the UTF-8 bytes of your ipnSecret, and the library takes it as
//   "whsec_" + base64(those bytes). Its {format: "raw"} mode reads a string one UTF-16 unit per
//   byte, which is wrong for any non-ASCII secret, so do not use it.
// - the body is a form, not JSON: verify(..., {jsonParse: false}), or the library throws after a
//   valid signature while parsing the body as JSON.
"use strict";
const crypto = require("node:crypto");
const { Webhook } = require("standardwebhooks");

const HASHED_FIELDS = ["orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp"];

/** The legacy hash: hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret)). */
function ipnHash(values, ipnSecret) {
  return crypto.createHash("sha256").update([...values, ipnSecret].join(":"), "utf8").digest("hex");
}

/** The ipnSecret as the standardwebhooks library takes it. */
function webhookSecret(ipnSecret) {
  return "whsec_" + Buffer.from(ipnSecret, "utf8").toString("base64");
}

/**
 * Checks both signatures of one IPN and returns its form fields (URLSearchParams);
 * throws an Error saying why when either check fails.
 */
function verifyIpn(rawBody, headers, ipnSecret) {
  const body = Buffer.isBuffer(rawBody) ? rawBody.toString("utf8") : rawBody;
  try {
    new Webhook(webhookSecret(ipnSecret)).verify(body, headers, { jsonParse: false });
  } catch (e) {
    // WebhookVerificationError: no matching signature, missing headers, timestamp over 5 minutes off
    throw new Error("webhook-signature refused: " + e.message);
  }
  const form = new URLSearchParams(body);
  const values = HASHED_FIELDS.map((name) => form.get(name));
  if (values.includes(null) || form.get("hash") === null) {
    throw new Error("The IPN lacks one of " + HASHED_FIELDS.join(", ") + ", hash");
  }
  const expected = Buffer.from(ipnHash(values, ipnSecret));
  const given = Buffer.from(form.get("hash").toLowerCase());
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    throw new Error("The IPN's hash does not match the ipnSecret");
  }
  return form;
}

module.exports = { verifyIpn, ipnHash, webhookSecret };

// The command line the tests use; files are UTF-8:
//   node verify-ipn.js verify <secret-file> <body-file> <headers-file "name: value" lines>
//   node verify-ipn.js hash <file: orderId, newStatus, inAmount, outAmount, xml_from, xml_to, timestamp, ipnSecret, one a line>
//   node verify-ipn.js sign <file: webhook-id, webhook-timestamp, ipnSecret, body, one a line>
if (require.main === module) {
  const fs = require("node:fs");
  const read = (file) => fs.readFileSync(file, "utf8");
  const lines = (file) => read(file).split("\n");
  const [command, ...files] = process.argv.slice(2);
  try {
    if (command === "hash") {
      const values = lines(files[0]);
      console.log(ipnHash(values.slice(0, 7), values[7]));
    } else if (command === "sign") {
      const [id, timestamp, secret, body] = lines(files[0]);
      console.log(new Webhook(webhookSecret(secret)).sign(id, new Date(Number(timestamp) * 1000), body));
    } else if (command === "verify") {
      const headers = {};
      for (const line of lines(files[2]).filter((l) => l.includes(":"))) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      const form = verifyIpn(read(files[1]), headers, read(files[0]));
      console.log("genuine", form.get("orderId"), form.get("newStatus"));
    } else {
      throw new Error("usage: verify-ipn.js verify|hash|sign <files>");
    }
  } catch (e) {
    console.error("refused: " + e.message);
    process.exit(1);
  }
}
