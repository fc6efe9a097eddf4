package dev.exchanger.server.support.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** A log line's message ({@code %m}), with anything shaped like a secret masked by {@link LogScrubber}. */
public class ScrubbedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogScrubber.scrub(super.convert(event));
    }
}
