package dev.exchanger.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that Tomcat refuses before any servlet sees them (a character it does not allow in
 * the path, such as an unencoded {@code {}, a malformed request line) are answered in the error
 * envelope as well, not with Tomcat's HTML page: the host's error report valve is replaced by one
 * that writes the envelope. (Encoded slashes are passed on to the application, see TomcatConfig.)
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeForContainerErrors(JsonMapper jsonMapper) {
        // after Spring Boot's own customizer, which adds an HTML ErrorReportValve to the host
        return factory -> factory.addContextCustomizers(context -> {
            var host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new EnvelopeValve(jsonMapper));
            if (host instanceof org.apache.catalina.core.StandardHost standard) {
                standard.setErrorReportValveClass(EnvelopeValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, in the envelope. */
    static class EnvelopeValve extends ErrorReportValve {

        private final JsonMapper jsonMapper;

        EnvelopeValve(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        /** For Tomcat, which makes the host's valve by its class name when none is there. */
        public EnvelopeValve() {
            this(JsonMapper.builder().build());
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            ApiException error = resolved == null ? ApiException.internalError()
                    : resolved == HttpStatus.NOT_FOUND ? ApiException.ofStatus(resolved) : ApiException.badRequest(resolved);
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(jsonMapper.writeValueAsString(Envelopes.error(error, RequestIds.current(request))));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the response was committed meanwhile: nothing more to say
            }
        }
    }
}
