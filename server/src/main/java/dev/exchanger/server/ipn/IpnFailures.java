package dev.exchanger.server.ipn;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * What went wrong with an IPN attempt, in words a merchant understands ("connection refused",
 * "TLS handshake failed: certificate not trusted"): the one place that turns the HTTP client's
 * exceptions into the {@code error} of a test IPN's answer and of the delivery log. Never a class
 * name, a package or a file path; only the host of the merchant's own URL is repeated.
 */
final class IpnFailures {

    private IpnFailures() {
    }

    /** "timed out after 10 s" (or "after 500 ms" for a timeout that is no whole number of seconds). */
    static String timedOut(Duration timeout) {
        long millis = timeout.toMillis();
        return "timed out after " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }

    /** The words for an attempt to {@code host} that ended with {@code failure} before any HTTP status. */
    static String describe(Throwable failure, String host, Duration timeout) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        IpnTargetGuard.RefusedTargetException refused = find(chain, IpnTargetGuard.RefusedTargetException.class);
        if (refused != null) {
            return refused.getMessage();
        }
        if (find(chain, SSLPeerUnverifiedException.class) != null) {
            return "TLS handshake failed: the certificate is not for " + host;
        }
        if (find(chain, CertificateExpiredException.class) != null) {
            return "TLS handshake failed: the certificate has expired";
        }
        if (find(chain, CertificateNotYetValidException.class) != null) {
            return "TLS handshake failed: the certificate is not valid yet";
        }
        if (find(chain, CertPathBuilderException.class) != null || find(chain, CertPathValidatorException.class) != null) {
            return "TLS handshake failed: certificate not trusted";
        }
        if (find(chain, SSLException.class) != null) {
            return "TLS handshake failed";
        }
        if (find(chain, InterruptedIOException.class) != null) {
            return timedOut(timeout);
        }
        if (find(chain, UnknownHostException.class) != null) {
            return "the IPN URL's host " + host + " was not found (DNS)";
        }
        if (find(chain, NoRouteToHostException.class) != null) {
            return "no route to the IPN URL's host " + host;
        }
        if (find(chain, ConnectException.class) != null) {
            return mentions(chain, "refused") ? "connection refused" : "could not connect to the IPN URL's host " + host;
        }
        if (find(chain, NoHttpResponseException.class) != null) {
            return "the receiver closed the connection without answering";
        }
        if (find(chain, ConnectionClosedException.class) != null) {
            return "the receiver closed the connection before its answer was complete";
        }
        if (find(chain, org.apache.hc.core5.http.ProtocolException.class) != null
                || find(chain, org.apache.hc.client5.http.ClientProtocolException.class) != null) {
            return "the receiver's answer is not valid HTTP";
        }
        if (find(chain, SocketException.class) != null) {
            return mentions(chain, "reset") ? "the receiver reset the connection" : "the connection failed";
        }
        return "the IPN could not be sent (network error)";
    }

    private static <T extends Throwable> T find(List<Throwable> chain, Class<T> type) {
        for (Throwable t : chain) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean mentions(List<Throwable> chain, String word) {
        for (Throwable t : chain) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }
}
