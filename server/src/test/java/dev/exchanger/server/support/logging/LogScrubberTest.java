package dev.exchanger.server.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the log scrubber masks, and what it leaves alone. */
class LogScrubberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "key exk_AbCdEf0123456789012345678901234567890123 revoked | key exk_AbCdEf**** revoked",
            "GET /en/payment/1001/dGqwF2M2eBPaSN1G5ljMS1cb 200 | GET /en/payment/1001/**** 200",
            "GET /ru/order/77/dGqwF2M2eBPaSN1G5ljMS1cb | GET /ru/order/77/****",
            "ipnSecret=SECRET123&amount=2 | ipnSecret=****&amount=2",
            "{\"ipnSecret\": \"SECRET123\", \"amount\": 2} | {\"ipnSecret\": \"****\", \"amount\": 2}",
            "orderSecret=abc123 | orderSecret=****",
            "X-Api-Key: test-operator-key | X-Api-Key: ****",
            "values (ipn_secret='s3cr3t') | values (ipn_secret='****')",
            "password = hunter2 | password = ****",
            "secret whsec_c2VjcmV0LXZhbHVl | secret whsec_****",
    })
    void masksWhatLooksLikeASecret(String line, String expected) {
        assertThat(LogScrubber.scrub(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Started ExchangerApplication in 16.5 seconds",
            "IPN dispatcher started: 32 workers, at most 4 per host",
            "GET /en/payment/1001 404",
            "the order secret is checked in constant time",
    })
    void leavesOrdinaryLinesAsTheyAre(String line) {
        assertThat(LogScrubber.scrub(line)).isEqualTo(line);
    }
}
