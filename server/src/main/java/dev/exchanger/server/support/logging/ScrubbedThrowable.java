package dev.exchanger.server.support.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** A log line's stack trace ({@code %wEx}), with anything shaped like a secret masked by {@link LogScrubber}. */
public class ScrubbedThrowable extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogScrubber.scrub(super.convert(event));
    }
}
