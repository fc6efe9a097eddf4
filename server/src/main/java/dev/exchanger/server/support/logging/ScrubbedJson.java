package dev.exchanger.server.support.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Structured (JSON) log lines through {@link LogScrubber}: every string value of the line (the
 * message, the stack trace, MDC values...) is scrubbed before it is written, as the console
 * pattern's message and stack trace are. Set as {@code logging.structured.json.customizer}.
 */
public class ScrubbedJson implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, LogScrubber::scrub));
    }
}
