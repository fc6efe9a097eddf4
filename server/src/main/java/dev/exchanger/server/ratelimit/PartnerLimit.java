package dev.exchanger.server.ratelimit;

import dev.exchanger.server.security.ApiCaller;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One operation's limit per partner: checked once the partner's key is accepted and before
 * the body is read. Requests without a partner key pass (the address limits apply to them).
 */
class PartnerLimit implements HandlerInterceptor {

    private final Buckets buckets;
    private final String what;
    private final TooManyRequests answer;

    /** {@code what} names the limit in the refusal, as in "Too many test IPNs for this partner". */
    PartnerLimit(Buckets buckets, String what, TooManyRequests answer) {
        this.buckets = buckets;
        this.what = what;
        this.answer = answer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Optional<String> partner = ApiCaller.current()
                .filter(caller -> caller.role() == ApiCaller.Role.PARTNER)
                .map(ApiCaller::partnerId);
        if (partner.isEmpty()) {
            return true;
        }
        ConsumptionProbe probe = buckets.take(partner.get());
        if (probe.isConsumed()) {
            return true;
        }
        answer.api(request, response, probe.getNanosToWaitForRefill(), what);
        return false;
    }
}
