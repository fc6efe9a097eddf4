package dev.exchanger.server.security;

import dev.exchanger.server.partner.PartnerService;
import dev.exchanger.server.web.ApiException;
import dev.exchanger.server.web.ErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Requests to the operator's API, the partners' cabinet and order/create
 * may carry an {@code X-Api-Key}: the operator's key ({@code exchanger.admin.api-key}) or a
 * partner's key; a key sent there must be valid (401 otherwise). Elsewhere it is ignored. {@code /admin/**} is the operator's, {@code /user/**}
 * the partners', everything else is public; order/create links the order to the partner
 * whose key came with it. The metrics ({@code /actuator/prometheus}) are the operator's too;
 * there the key may also come as {@code Authorization: Bearer}, which Prometheus can send.
 *
 * <p>No sessions, no cookies, no CSRF tokens: API callers authenticate on every request with a
 * header, which a browser never adds on its own; the hosted pages' two forms are authorized
 * by the order's secret in their URL. (The CSRF filter would also read form bodies through
 * {@code getParameter()}, which breaks the bracket-form reader of order/create.)
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    static final String HEADER = "X-Api-Key";
    static final String WWW_AUTHENTICATE = "ApiKey header=\"" + HEADER + "\"";
    static final String METRICS = "/actuator/prometheus";
    private static final String BEARER = "Bearer ";

    /** Also tells Boot not to set up its default user with a generated password. */
    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthenticationProvider(OperatorKeyProperties admin, PartnerService partners) {
        return new ApiKeyAuthenticationProvider(admin, partners);
    }

    /**
     * No observation per filter, per authorization and per request of the security chain: with
     * Micrometer present, Spring Security wraps each of its filters in an observation of its
     * own, which cost more CPU than the filters themselves on every request (measured with the
     * benchmark in {@code bench/}). Requests are still observed once, by Spring MVC's
     * {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A URL that Spring Security's firewall refuses (an encoded backslash, a {@code ;} in the
     * path...) is a 400 in the envelope too; by default the firewall's own error page would be
     * refused again on the error dispatch of the same URL, leaving the container's HTML page.
     */
    @Bean
    WebSecurityCustomizer rejectedRequestsInTheEnvelope(ErrorWriter errors) {
        return web -> web.requestRejectedHandler((request, response, e) ->
                errors.write(request, response, ApiException.rejectedRequest()));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, OperatorKeyProperties admin, ApiKeyAuthenticationProvider provider,
                                    ErrorWriter errors) throws Exception {
        if (admin.apiKey().isEmpty()) {
            log.warn("{} is not set: the operator's API refuses every request", OperatorKeyProperties.API_KEY);
        }
        // on /admin of a server without an operator's key, the refusal says so (same status and code)
        BiFunction<HttpServletRequest, ApiException, ApiException> refusal = (request, e) ->
                admin.apiKey().isEmpty() && request.getRequestURI().startsWith(request.getContextPath() + "/admin/")
                        ? ApiException.operatorKeyNotConfigured(e, OperatorKeyProperties.API_KEY) : e;
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", WWW_AUTHENTICATE);
            errors.write(request, response, refusal.apply(request, ApiException.unauthorized()));
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                errors.write(request, response, refusal.apply(request, ApiException.forbidden()));

        AuthenticationFilter apiKeys = new AuthenticationFilter(
                new ProviderManager(provider),
                request -> {
                    String key = request.getHeader(HEADER);
                    if (key == null && METRICS.equals(request.getRequestURI())) {
                        String authorization = request.getHeader("Authorization");
                        key = authorization != null && authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : null;
                    }
                    return key == null ? null : ApiKeyAuthentication.presented(key);
                });
        // a key counts where it is asked for; elsewhere (route lists, order/get, pages) it is ignored
        apiKeys.setRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/user/**"),
                PathPatternRequestMatcher.withDefaults().matcher(METRICS),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/public/exchanger/order/create")));
        apiKeys.setSuccessHandler((request, response, authentication) -> { });
        AuthenticationEntryPointFailureHandler refused = new AuthenticationEntryPointFailureHandler(unauthorized);
        apiKeys.setFailureHandler((request, response, e) -> {
            ApiKeyHeader.markRefused(request); // a failed attempt of the address, to the rate limits
            refused.onAuthenticationFailure(request, response, e);
        });

        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                // answers keep their own caching headers (the rates export revalidates with its ETag)
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/**").hasRole(ApiCaller.Role.OPERATOR.name())
                        .requestMatchers("/user/**").hasRole(ApiCaller.Role.PARTNER.name())
                        .requestMatchers(METRICS).hasRole(ApiCaller.Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.POST, "/public/exchanger/order/create").access((authentication, context) ->
                                // without a key, or with a partner's; the operator creates no orders of its own
                                new AuthorizationDecision(!(authentication.get().getPrincipal() instanceof ApiCaller caller)
                                        || caller.role() == ApiCaller.Role.PARTNER))
                        .anyRequest().permitAll())
                .build();
    }
}
