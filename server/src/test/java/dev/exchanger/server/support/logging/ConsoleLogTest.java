package dev.exchanger.server.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console as {@code logback-spring.xml} sets it up, in a logger context of the test's own:
 * a line carrying secrets, in the message and in its exception, leaves them masked both as
 * Spring Boot's pattern and as structured JSON ({@code logging.structured.format.console}),
 * and the JSON line carries the request id.
 */
class ConsoleLogTest {

    private static final String ORDER_SECRET = "dGqwF2M2eBPaSN1G5ljMS1cb";
    private static final String IPN_SECRET = "SECRET123456";
    private static final String PARTNER_KEY = "exk_AbCdEf0123456789012345678901234567890123";

    @Test
    void jsonLinesAreScrubbedAndCarryTheRequestId() throws Exception {
        String line = encode("ecs");

        JsonNode json = JsonMapper.shared().readTree(line);
        assertThat(json.path("message").asString())
                .isEqualTo("GET /en/payment/1001/**** with ipnSecret=**** and key exk_AbCdEf****");
        assertThat(json.path("requestId").asString()).isEqualTo("req-0123456789");
        assertThat(json.path("error").path("stack_trace").asString()).contains("orderSecret=****");
        assertNoSecretIn(line);
    }

    @Test
    void logstashJsonLinesAreScrubbedToo() throws Exception {
        String line = encode("logstash");

        assertThat(JsonMapper.shared().readTree(line).path("message").asString()).contains("/en/payment/1001/****");
        assertNoSecretIn(line);
    }

    @Test
    void patternLinesAreScrubbed() throws Exception {
        String line = encode("");

        assertThat(line).contains("GET /en/payment/1001/**** with ipnSecret=**** and key exk_AbCdEf****")
                .contains("orderSecret=****");
        assertNoSecretIn(line);
    }

    private static void assertNoSecretIn(String line) {
        assertThat(line).doesNotContain(ORDER_SECRET).doesNotContain(IPN_SECRET).doesNotContain(PARTNER_KEY.substring(10));
    }

    /** One line with secrets, as the console appender of logback-spring.xml encodes it in the given format. */
    private static String encode(String structuredFormat) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", structuredFormat);
        context.putObject(Environment.class.getName(), new MockEnvironment()
                .withProperty("logging.structured.json.customizer", ScrubbedJson.class.getName()));
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(new ClassPathResource("logback-spring.xml").getURL());
        try {
            Logger logger = context.getLogger("dev.exchanger.test");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                    "GET /en/payment/1001/{} with ipnSecret={} and key {}",
                    new IllegalStateException("refused orderSecret=" + ORDER_SECRET),
                    new Object[] {ORDER_SECRET, IPN_SECRET, PARTNER_KEY});
            event.setMDCPropertyMap(Map.of("requestId", "req-0123456789"));
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> console =
                    (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
            return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }
}
