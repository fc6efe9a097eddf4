<?php
/**
 * Verifies an IPN from the exchanger in PHP (no extension or package needed): the legacy `hash`
 * field and the Standard Webhooks headers.
 *
 *     require __DIR__ . '/verify-ipn.php';
 *     $rawBody = file_get_contents('php://input');          // the body exactly as received
 *     $headers = [
 *         'webhook-id'        => $_SERVER['HTTP_WEBHOOK_ID'] ?? '',
 *         'webhook-timestamp' => $_SERVER['HTTP_WEBHOOK_TIMESTAMP'] ?? '',
 *         'webhook-signature' => $_SERVER['HTTP_WEBHOOK_SIGNATURE'] ?? '',
 *     ];
 *     $form = exchanger_verify_ipn($rawBody, $headers, getenv('EXCHANGER_IPN_SECRET')); // throws if not genuine
 *
 * The Standard Webhooks check is written out by hand (a few lines of hash_hmac, per the Standard
 * Webhooks spec). The HMAC key is the UTF-8 bytes of your ipnSecret: keep this file and the
 * secret in UTF-8.
 */

const EXCHANGER_IPN_HASHED_FIELDS = ['orderId', 'newStatus', 'inAmount', 'outAmount', 'xml_from', 'xml_to', 'timestamp'];
const EXCHANGER_IPN_TOLERANCE_SECONDS = 300;

/** hex(sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret)) */
function exchanger_ipn_hash(array $values, string $ipnSecret): string
{
    return hash('sha256', implode(':', array_merge($values, [$ipnSecret])));
}

/** v1, then base64 HMAC-SHA256 of "id.timestamp.body", keyed with the bytes of ipnSecret. */
function exchanger_webhook_signature(string $webhookId, string $webhookTimestamp, string $body, string $ipnSecret): string
{
    return 'v1,' . base64_encode(hash_hmac('sha256', "$webhookId.$webhookTimestamp.$body", $ipnSecret, true));
}

/**
 * Checks both signatures of one IPN and returns its form fields as parse_str gives them
 * (toValues as nested arrays); throws RuntimeException saying why when either check fails.
 */
function exchanger_verify_ipn(string $rawBody, array $headers, string $ipnSecret, ?int $now = null): array
{
    $headers = array_change_key_case($headers, CASE_LOWER);
    $id = $headers['webhook-id'] ?? '';
    $timestamp = $headers['webhook-timestamp'] ?? '';
    $signatures = $headers['webhook-signature'] ?? '';
    if ($id === '' || $timestamp === '' || $signatures === '') {
        throw new RuntimeException('missing webhook-id, webhook-timestamp or webhook-signature');
    }
    if (!ctype_digit($timestamp) || abs(($now ?? time()) - (int) $timestamp) > EXCHANGER_IPN_TOLERANCE_SECONDS) {
        throw new RuntimeException('webhook-timestamp is not a time within 5 minutes of now');
    }
    $expected = exchanger_webhook_signature($id, $timestamp, $rawBody, $ipnSecret);
    $matched = false;
    foreach (explode(' ', $signatures) as $given) {
        $matched = hash_equals($expected, $given) || $matched;
    }
    if (!$matched) {
        throw new RuntimeException('no webhook-signature matches the ipnSecret');
    }
    parse_str($rawBody, $form);
    $values = [];
    foreach (array_merge(EXCHANGER_IPN_HASHED_FIELDS, ['hash']) as $name) {
        if (!isset($form[$name]) || !is_string($form[$name])) {
            throw new RuntimeException('the IPN lacks ' . $name);
        }
        $values[] = $form[$name];
    }
    array_pop($values);
    if (!hash_equals(exchanger_ipn_hash($values, $ipnSecret), strtolower($form['hash']))) {
        throw new RuntimeException("the IPN's hash does not match the ipnSecret");
    }
    return $form;
}

// The command line the tests use; files are UTF-8 (see verify-ipn.js for the layout).
if (PHP_SAPI === 'cli' && isset($argv[0]) && realpath($argv[0]) === __FILE__) {
    try {
        [$command, $file] = [$argv[1] ?? '', $argv[2] ?? ''];
        if ($command === 'hash') {
            $values = explode("\n", file_get_contents($file));
            echo exchanger_ipn_hash(array_slice($values, 0, 7), $values[7]), "\n";
        } elseif ($command === 'sign') {
            [$id, $timestamp, $secret, $body] = explode("\n", file_get_contents($file), 4);
            echo exchanger_webhook_signature($id, $timestamp, $body, $secret), "\n";
        } elseif ($command === 'verify') {
            $headers = [];
            foreach (explode("\n", file_get_contents($argv[4])) as $line) {
                if (str_contains($line, ':')) {
                    [$name, $value] = explode(':', $line, 2);
                    $headers[trim($name)] = trim($value);
                }
            }
            $form = exchanger_verify_ipn(file_get_contents($argv[3]), $headers, file_get_contents($file));
            echo 'genuine ', $form['orderId'], ' ', $form['newStatus'], "\n";
        } else {
            throw new RuntimeException('usage: verify-ipn.php verify|hash|sign <files>');
        }
    } catch (RuntimeException $refused) {
        fwrite(STDERR, 'refused: ' . $refused->getMessage() . "\n");
        exit(1);
    }
}
