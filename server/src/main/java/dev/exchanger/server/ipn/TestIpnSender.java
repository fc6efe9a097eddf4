package dev.exchanger.server.ipn;

import dev.exchanger.server.support.HttpUrls;
import dev.exchanger.server.support.InvalidParam;
import dev.exchanger.server.support.ObjectIds;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The partner's test IPN: a made-up order of 2 ETH to WMZ, built by {@link IpnForm} and posted
 * once, now, by {@link IpnSender}, so that it is signed and guarded exactly like a real IPN.
 * Nothing is stored, and the ipnSecret lives only for the call.
 */
@Service
public class TestIpnSender {

    /** The made-up order's amounts, currencies and recipient (the demo route ETH to WMZ). */
    /** The sample's uid: shaped like a real one, yet no real order has it (the uid sequence starts at 1001). */
    static final long SAMPLE_ORDER_UID = 1000;
    static final String IN_AMOUNT = "2";
    static final String OUT_AMOUNT = "317.42";
    static final String XML_FROM = "ETH";
    static final String XML_TO = "WMZ";
    static final IpnForm.ToValue WALLET = new IpnForm.ToValue("5d8e5f4ab80b7b4cd75a6414", "wallet", "Z123456789012");

    /** What was posted and how the attempt ended. */
    public record Sent(String webhookId, IpnForm.Fields fields, String hash, boolean delivered, Integer httpStatus,
                       long latencyMillis, String error) {
    }

    private final IpnSender sender;
    private final boolean allowPrivateTargets;
    private final Clock clock;

    TestIpnSender(IpnSender sender, IpnProperties properties, Clock clock) {
        this.sender = sender;
        this.allowPrivateTargets = properties.allowPrivateTargets();
        this.clock = clock;
    }

    /**
     * Posts the sample IPN in {@code newStatus} to {@code ipnUrl}, signed with {@code ipnSecret}.
     * A URL that order creation would refuse (not absolute http(s), a host that is a refused
     * address or not written as one) is a 400 saying why; a name that resolves to a refused
     * address, or a receiver that cannot be reached, is an undelivered result with the error in words.
     */
    public Sent send(String ipnUrl, String ipnSecret, String newStatus) {
        URI url;
        try {
            url = HttpUrls.parseIpnTarget(ipnUrl == null ? "" : ipnUrl.strip(), allowPrivateTargets);
        } catch (IllegalArgumentException e) {
            throw InvalidParam.param("ipnUrl", InvalidParam.Err.FORMAT, e.getMessage());
        }
        if (ipnSecret == null || ipnSecret.isEmpty()) {
            throw InvalidParam.param("ipnSecret", InvalidParam.Err.REQUIRED);
        }
        IpnForm.Fields fields = new IpnForm.Fields(SAMPLE_ORDER_UID, ObjectIds.next(), newStatus, IN_AMOUNT, OUT_AMOUNT, XML_FROM, XML_TO,
                clock.millis(), List.of(WALLET));
        String webhookId = "msg_" + ObjectIds.next();
        IpnSender.Result result = sender.post(url.toString(), IpnForm.body(fields, ipnSecret), webhookId, ipnSecret);
        return new Sent(webhookId, fields, fields.hash(ipnSecret), result.delivered(), result.status(),
                result.latencyMillis(), result.errorText());
    }
}
