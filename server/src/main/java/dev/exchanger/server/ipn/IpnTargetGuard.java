package dev.exchanger.server.ipn;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import dev.exchanger.server.support.HttpUrls;
import dev.exchanger.server.support.NetworkAddresses;
import org.springframework.stereotype.Component;

/**
 * Keeps IPNs away from the exchanger's own network (SSRF): only absolute http(s) URLs, and
 * every address a host name resolves to must be public. As the HTTP client's {@link DnsResolver}
 * it checks the very addresses the connection then goes to, so a name cannot resolve to a
 * public address when checked and a private one when used (DNS rebinding).
 */
@Component
public class IpnTargetGuard implements DnsResolver {

    private final boolean allowPrivateTargets;

    public IpnTargetGuard(IpnProperties properties) {
        this.allowPrivateTargets = properties.allowPrivateTargets();
    }

    /** A refused target, with the reason. */
    public static class RefusedTargetException extends UnknownHostException {
        RefusedTargetException(String message) {
            super(message);
        }
    }

    /** Checks the URL's form (not its addresses): absolute, http or https, with a host, no credentials. */
    public static URI checkUrl(String url) throws RefusedTargetException {
        try {
            return HttpUrls.parseAbsolute(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedTargetException(e.getMessage());
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(NetworkAddresses.stripBrackets(host));
        for (InetAddress address : addresses) {
            check(address, host);
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    private void check(InetAddress address, String host) throws RefusedTargetException {
        if (!allowPrivateTargets && NetworkAddresses.isInternal(address)) {
            throw new RefusedTargetException(host + " resolves to " + address.getHostAddress()
                    + ", which is not a public address");
        }
    }

}
