package dev.exchanger.bench.empty;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's IPN endpoint for the benchmark. {@code POST /ipn} records how late each IPN came:
 * now minus its {@code timestamp} field (unix ms, set by the server at the status change);
 * {@code POST /ipn/hang} is a receiver that never answers in time; {@code GET /ipn/stats}
 * tells count, p50, p99 and max delay (ms) and the first and last arrival (epoch ms).
 */
@RestController
class IpnReceiver {

    private final Recorder recorder = new Recorder();

    @PostMapping(path = "/ipn", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receive(@RequestParam(name = "timestamp", required = false) Long timestamp) {
        recorder.record(System.currentTimeMillis(), timestamp);
    }

    @PostMapping(path = "/ipn/hang")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hang() throws InterruptedException {
        Thread.sleep(60_000);
    }

    /** One line: {@code count=.. timed=.. p50=.. p99=.. max=.. first=.. last=..} (ms; -1 when there is nothing). */
    @GetMapping(path = "/ipn/stats", produces = MediaType.TEXT_PLAIN_VALUE)
    String stats() {
        return recorder.stats() + "\n";
    }

    @PostMapping(path = "/ipn/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        recorder.reset();
    }

    /** Arrivals and their delays; a plain synchronized array, sorted only when asked for stats. */
    static final class Recorder {
        private long[] delays = new long[1 << 16];
        private int timed;
        private long count;
        private long first = -1;
        private long last = -1;

        synchronized void record(long now, Long timestamp) {
            count++;
            if (first < 0) {
                first = now;
            }
            last = now;
            if (timestamp != null) {
                if (timed == delays.length) {
                    delays = Arrays.copyOf(delays, delays.length * 2);
                }
                delays[timed++] = now - timestamp;
            }
        }

        synchronized void reset() {
            delays = new long[1 << 16];
            timed = 0;
            count = 0;
            first = -1;
            last = -1;
        }

        synchronized String stats() {
            long[] sorted = Arrays.copyOf(delays, timed);
            Arrays.sort(sorted);
            return "count=" + count + " timed=" + timed + " p50=" + percentile(sorted, 50) + " p99=" + percentile(sorted, 99)
                    + " max=" + (timed == 0 ? -1 : sorted[timed - 1]) + " first=" + first + " last=" + last;
        }

        /** The nearest-rank percentile: the smallest delay that at least p % of the delays do not exceed. */
        static long percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1];
        }
    }
}
