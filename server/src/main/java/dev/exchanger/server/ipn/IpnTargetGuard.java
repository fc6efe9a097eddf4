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
 * every address a host name resolves to must be public ({@link NetworkAddresses#refusal}). As
 * the HTTP client's {@link DnsResolver} it checks the very addresses the connection then goes
 * to, so a name cannot resolve to a public address when checked and a private one when used
 * (DNS rebinding). A host written as an address is read here, never sent to DNS.
 */
@Component
public class IpnTargetGuard implements DnsResolver {

    private final boolean allowPrivateTargets;

    public IpnTargetGuard(IpnProperties properties) {
        this.allowPrivateTargets = properties.allowPrivateTargets();
    }

    /** A refused target; the message says why, in words for the merchant. */
    public static class RefusedTargetException extends UnknownHostException {
        RefusedTargetException(String message) {
            super(message);
        }
    }

    /** Checks the URL as order creation does: its form, and its host if that is an address or a loopback name. */
    public URI checkUrl(String url) throws RefusedTargetException {
        try {
            return HttpUrls.parseIpnTarget(url, allowPrivateTargets);
        } catch (IllegalArgumentException e) {
            throw new RefusedTargetException(e.getMessage());
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress literal;
        try {
            String refusal = NetworkAddresses.hostRefusal(host, allowPrivateTargets);
            if (refusal != null) {
                throw new RefusedTargetException(refusal);
            }
            literal = NetworkAddresses.literal(host);
        } catch (IllegalArgumentException e) {
            throw new RefusedTargetException(e.getMessage());
        }
        if (literal != null) {
            return new InetAddress[] {literal};
        }
        InetAddress[] addresses = lookUp(host);
        for (InetAddress address : addresses) {
            String refusal = NetworkAddresses.refusal(address, allowPrivateTargets);
            if (refusal != null) {
                throw new RefusedTargetException("the IPN URL's host " + host + " resolves to "
                        + address.getHostAddress() + ", which is " + refusal);
            }
        }
        return addresses;
    }

    /** Asks DNS for a name's addresses (tests answer for names of their own here). */
    protected InetAddress[] lookUp(String name) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolve(name);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
