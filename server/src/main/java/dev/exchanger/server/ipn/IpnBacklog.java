package dev.exchanger.server.ipn;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog as gauges: {@code exchanger.ipn.due} (pending IPNs whose attempt time has
 * come), {@code exchanger.ipn.due.oldest} (seconds since the longest-waiting of them became due)
 * and {@code exchanger.ipn.pending} (every pending IPN, retries waiting for their time too). One
 * query over the pending rows' index every {@code exchanger.ipn.backlog-check-interval} (15 s)
 * updates them; a scrape only reads the last values. They count the whole database, so every
 * instance sharing it shows the same numbers.
 */
@Component
class IpnBacklog {

    private static final Logger log = LoggerFactory.getLogger(IpnBacklog.class);

    private final IpnDeliveries deliveries;
    private volatile double due = Double.NaN;
    private volatile double oldestDueSeconds = Double.NaN;
    private volatile double pending = Double.NaN;

    IpnBacklog(IpnDeliveries deliveries, MeterRegistry registry) {
        this.deliveries = deliveries;
        Gauge.builder("exchanger.ipn.due", this, backlog -> backlog.due)
                .description("Pending IPNs whose attempt time has come (the whole database)").register(registry);
        Gauge.builder("exchanger.ipn.due.oldest", this, backlog -> backlog.oldestDueSeconds).baseUnit("seconds")
                .description("How long the longest-waiting due IPN has been due; 0 with none due").register(registry);
        Gauge.builder("exchanger.ipn.pending", this, backlog -> backlog.pending)
                .description("Pending IPNs, due or waiting for a retry (the whole database)").register(registry);
    }

    @Scheduled(fixedDelayString = "${exchanger.ipn.backlog-check-interval:15s}")
    void refresh() {
        try {
            IpnDeliveries.Backlog backlog = deliveries.backlog();
            due = backlog.due();
            oldestDueSeconds = backlog.oldestDueSeconds();
            pending = backlog.pending();
        } catch (DataAccessException e) {
            log.warn("Could not read the IPN backlog for its gauges; trying again at the next check", e);
        }
    }
}
