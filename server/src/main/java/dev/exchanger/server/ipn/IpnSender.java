package dev.exchanger.server.ipn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts one IPN attempt: the form body with its Standard Webhooks headers, through a client that
 * resolves names only through {@link IpnTargetGuard}, follows no redirect, retries nothing by
 * itself, and abandons an attempt at the timeout however slowly the receiver answers.
 */
@Component
class IpnSender implements DisposableBean {

    /** How one attempt ended: an HTTP status, or an error before any status. */
    record Result(Integer status, Duration retryAfter, String error, long latencyMillis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        /** The error the delivery log and the test IPN's answer show: the failure in words, or "HTTP 503"; none when delivered. */
        String errorText() {
            return error != null ? error : delivered() ? null : "HTTP " + status;
        }
    }

    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager connections;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;
    private final IpnTargetGuard guard;
    private final Clock clock;

    IpnSender(IpnProperties properties, IpnTargetGuard guard, Clock clock) {
        this.timeout = properties.timeout();
        this.guard = guard;
        this.clock = clock;
        Timeout t = Timeout.of(timeout);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                .setMaxConnTotal(properties.workers() * 2)
                .setMaxConnPerRoute(properties.perHostLimit())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("exchanger-ipn/1")
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build())
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ipn-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    Result post(String url, String body, String webhookId, String ipnSecret) {
        long started = System.nanoTime();
        String host;
        try {
            host = guard.checkUrl(url).getHost();
        } catch (IpnTargetGuard.RefusedTargetException e) {
            return new Result(null, null, clip(e.getMessage()), 0);
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
        post.setHeader("webhook-id", webhookId);
        post.setHeader("webhook-timestamp", timestamp);
        post.setHeader("webhook-signature", signature(webhookId, timestamp, body, ipnSecret));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                if (response.getEntity() != null) {
                    try (InputStream in = response.getEntity().getContent()) {
                        in.readNBytes(MAX_ANSWER_BYTES);
                    }
                }
                return new Result(response.getCode(), retryAfter(response.getFirstHeader("Retry-After"), clock.instant()), null, millisSince(started));
            });
        } catch (IOException | RuntimeException e) {
            String error = post.isCancelled() ? IpnFailures.timedOut(timeout) : IpnFailures.describe(e, host, timeout);
            return new Result(null, null, clip(error), millisSince(started));
        } finally {
            deadline.cancel(false);
        }
    }

    /** {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with the UTF-8 bytes of the ipnSecret. */
    static String signature(String webhookId, String timestamp, String body, String ipnSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ipnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not usable in this JVM", e);
        }
    }

    /** The wait a Retry-After header asks for, in seconds or until an HTTP date, seen at {@code now}; null when absent or unreadable. */
    static Duration retryAfter(Header header, Instant now) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The delivery log keeps 1024 characters of an error; a URL's host may be longer. */
    private static String clip(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
        connections.close();
    }
}
