"""Verifies an IPN from the exchanger in Python (standard library only): the legacy ``hash`` field
and the Standard Webhooks headers.

    from verify_ipn import verify_ipn, IpnRefused
    # raw_body: the request body exactly as received (bytes), before any parsing
    form = verify_ipn(raw_body, request.headers, os.environ["EXCHANGER_IPN_SECRET"])  # raises IpnRefused

The Standard Webhooks check is written out by hand (a few lines of hmac, per the Standard Webhooks
spec) so that nothing needs installing. The HMAC key is the UTF-8 bytes of your ipnSecret.
"""
import base64
import hashlib
import hmac
import sys
import time
from urllib.parse import parse_qs

HASHED_FIELDS = ("orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp")
TOLERANCE_SECONDS = 5 * 60


class IpnRefused(Exception):
    """The IPN is not genuine, or not fresh."""


def ipn_hash(values, ipn_secret):
    """hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret))"""
    return hashlib.sha256(":".join([*values, ipn_secret]).encode("utf-8")).hexdigest()


def webhook_signature(webhook_id, webhook_timestamp, body, ipn_secret):
    """v1, then base64 HMAC-SHA256 of "id.timestamp.body", keyed with the UTF-8 bytes of ipnSecret."""
    signed = f"{webhook_id}.{webhook_timestamp}.".encode("utf-8") + body
    digest = hmac.new(ipn_secret.encode("utf-8"), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def verify_ipn(raw_body, headers, ipn_secret, now=None):
    """Checks both signatures of one IPN and returns its form fields (a dict of str);
    raises IpnRefused saying why when either check fails."""
    if isinstance(raw_body, str):
        raw_body = raw_body.encode("utf-8")
    headers = {name.lower(): value for name, value in headers.items()}
    webhook_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (webhook_id and timestamp and signatures):
        raise IpnRefused("missing webhook-id, webhook-timestamp or webhook-signature")
    try:
        seconds = int(timestamp)
    except ValueError:
        raise IpnRefused("webhook-timestamp is not a number")
    if abs((time.time() if now is None else now) - seconds) > TOLERANCE_SECONDS:
        raise IpnRefused("webhook-timestamp is more than 5 minutes off")
    expected = webhook_signature(webhook_id, timestamp, raw_body, ipn_secret)
    if not any(hmac.compare_digest(expected, given) for given in signatures.split(" ")):
        raise IpnRefused("no webhook-signature matches the ipnSecret")
    try:
        form = {name: values[0] for name, values in
                parse_qs(raw_body.decode("utf-8"), keep_blank_values=True, strict_parsing=True).items()}
    except ValueError as malformed:
        raise IpnRefused("the body is not a form: " + str(malformed))
    if any(name not in form for name in (*HASHED_FIELDS, "hash")):
        raise IpnRefused("the IPN lacks one of " + ", ".join(HASHED_FIELDS) + ", hash")
    if not hmac.compare_digest(ipn_hash([form[name] for name in HASHED_FIELDS], ipn_secret), form["hash"].lower()):
        raise IpnRefused("the IPN's hash does not match the ipnSecret")
    return form


def _main(command, *files):
    """The command line the tests use; files are UTF-8 (see verify-ipn.js for the layout)."""
    def read(file):
        with open(file, encoding="utf-8", newline="") as f:
            return f.read()
    if command == "hash":
        values = read(files[0]).split("\n")
        print(ipn_hash(values[:7], values[7]))
    elif command == "sign":
        webhook_id, timestamp, secret, body = read(files[0]).split("\n")[:4]
        print(webhook_signature(webhook_id, timestamp, body.encode("utf-8"), secret))
    elif command == "verify":
        headers = dict(line.split(":", 1) for line in read(files[2]).split("\n") if ":" in line)
        headers = {name.strip(): value.strip() for name, value in headers.items()}
        with open(files[1], "rb") as body:
            form = verify_ipn(body.read(), headers, read(files[0]))
        print("genuine", form["orderId"], form["newStatus"])
    else:
        raise IpnRefused("usage: verify_ipn.py verify|hash|sign <files>")


if __name__ == "__main__":
    try:
        _main(*sys.argv[1:])
    except IpnRefused as refused:
        print("refused:", refused, file=sys.stderr)
        sys.exit(1)
