package dev.exchanger.server.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.exchanger.server.ExchangerApplication;
import dev.exchanger.server.fuzz.HttpCall.FormStyle;
import dev.exchanger.server.fuzz.RealisticCases.Order;
import dev.exchanger.server.fuzz.RealisticCases.Variant;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.cornutum.tcases.SystemInputDef;
import org.cornutum.tcases.SystemTestDef;
import org.cornutum.tcases.Tcases;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.resolver.RequestCases;
import org.cornutum.tcases.resolve.ResolverContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spec-driven fuzzing of the running server: Tcases for OpenAPI derives valid and invalid
 * requests for every operation of {@code openapi.yaml} (the spec jar's copy, the one the
 * server is generated from), random values drawn from a fixed seed; each is sent over real
 * HTTP to the server on loopback, on its real embedded PostgreSQL. The operator's operations
 * carry the operator's key, the cabinet's (and order/create) a key of a partner made through
 * the operator's API; the cases Tcases makes without a key are also sent with a wrong key, the
 * other side's key (403) and a revoked one (401). Every valid case is sent a second time with
 * realistic values (a demo route with its fields' example values, a real order, the fuzzer's
 * partner, keys, currencies and routes of its own, an IPN of its order: {@link RealisticCases},
 * {@link OperatorCases}, {@link Fixtures}), so that the success paths are fuzzed as well as
 * the 400s and 404s; most invalid cases too, with real values everywhere but in the invalid part.
 *
 * <p>Every answer must be documented for its operation, never a 5xx, and valid against the
 * spec (swagger-request-validator); an invalid request must get a 4xx, a realistic one its
 * 2xx. All problems are collected and reported at once. Repeat a run with
 * {@code -Dfuzz.seed=N}; the seed is printed.
 */
@SpringBootTest(classes = ExchangerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                // IPNs of the fuzzer's orders go to the loopback sink only, and once
                "exchanger.ipn.allow-private-targets=true",
                "exchanger.ipn.max-attempts=1",
                // a thousand requests from one address in a minute, wrong secrets and keys on purpose: the
                // rate limits would answer 429 where the fuzzer checks the operation's own answer
                "exchanger.rate-limit.enabled=false",
                "logging.level.org.cornutum=WARN",
                "exchanger.admin.api-key=" + SpecFuzzTest.OPERATOR_KEY})
class SpecFuzzTest {

    static final long DEFAULT_SEED = 20261123L;
    static final String OPERATOR_KEY = "spec-fuzz-operator-key-7f3a9c";
    static final String API_KEY = "X-Api-Key";
    /** About 1700 are sent today (844 Tcases cases, their realistic variants, setup); this only stops a runaway. */
    static final int MAX_REQUESTS = 3000;
    /** For sending, after Tcases' generation: ample on a shared, busy machine; a server that hangs still ends the run. */
    static final Duration BUDGET = Duration.ofSeconds(90);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int SHOWN_BODY = 600;
    static final int EXAMPLES_PER_GROUP = 2;
    /** A {@code default} response: any status is documented. */
    static final int ANY = -1;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private String base;
    private String partnerKey;
    static final String CREATE = "/public/exchanger/order/create";
    private OpenApiInteractionValidator validator;
    private Map<String, Set<Integer>> documented;
    private long deadline;
    private boolean outOfBudget;

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private final List<Map.Entry<Long, String>> timings = new ArrayList<>();
    private final Map<String, Integer> sentByKind = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> sentByGroup = new TreeMap<>();
    private final Map<String, Integer> statusesByKind = new TreeMap<>();

    /** One request that broke a rule, with everything needed to repeat it. */
    record Finding(int number, String kind, String label, HttpCall call, int status, String body, List<String> problems) {
    }

    /** What a checked exchange answered, when the server answered. */
    record Answer(int status, JsonNode body) {
    }

    @Test
    void everyAnswerIsDocumentedValidAndNeverAFault() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        long started = System.nanoTime();
        base = "http://127.0.0.1:" + port;
        System.out.printf("[spec-fuzz] seed %d (repeat with -Dfuzz.seed=%d), server %s%n", seed, seed, base);

        String spec = readSpec();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                // The validator treats a schema without additionalProperties as closed. The spec
                // leaves them open, so Tcases adds extra properties to valid requests: allowed. An
                // answer with a property the spec does not document stays an error.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        documented = documentedStatuses(spec);
        System.out.printf("[spec-fuzz] validator ready after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        List<RequestCase> cases = tcasesCases(spec, seed);
        System.out.printf("[spec-fuzz] Tcases ready after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        deadline = System.nanoTime() + BUDGET.toNanos();
        System.out.printf("[spec-fuzz] Tcases made %d request cases: %d valid, %d invalid%n", cases.size(),
                cases.stream().filter(c -> !c.isFailure()).count(), cases.stream().filter(RequestCase::isFailure).count());

        try (IpnSink sink = IpnSink.start()) {
            Fixtures fixtures = fixtures();
            partnerKey = fixtures.partnerKey();
            RealisticCases realistic = realisticCases(seed, sink, fixtures.partnerId());
            OperatorCases operator = new OperatorCases(fixtures, new Random(seed));
            Optional<Order> existing = realistic.hasRoutes() ? newOrder(realistic) : Optional.empty();
            for (RequestCase generated : cases) {
                RequestCase request = realistic.confined(generated);
                String label = label(request);
                if (request.isAuthFailure()) {
                    Expectation unauthorized = Expectation.exactly(401, "the API key is missing or wrong");
                    HttpCall call = HttpCall.render(request, FormStyle.BRACKETS, keyFor(request.getPath()));
                    if (!CREATE.equals(request.getPath())) {
                        // order/create takes no key as well as a partner's; only a wrong key fails there
                        exchange("invalid", label, call, unauthorized, null, false);
                    }
                    exchange("invalid", label + " [a wrong key]", call.withHeader(API_KEY, keyFor(request.getPath()) + "x"), unauthorized, null, false);
                    otherKeys(label, call, fixtures.revokedKey().key());
                    continue;
                }
                if (request.isFailure()) {
                    HttpCall call = HttpCall.render(request, FormStyle.BRACKETS, keyFor(request.getPath()));
                    exchange("invalid", label, call,
                            Expectation.onTheWire(call, request.getInvalidInput(), Expectation.forInvalid(request.getInvalidInput())),
                            null, false);
                    if (existing.isPresent()) {
                        Optional<Variant> variant = realistic.invalidVariantOf(request)
                                .or(() -> operator.invalidVariantOf(request, existing.get(), () -> newOrder(realistic)));
                        if (variant.isPresent()) {
                            HttpCall real = HttpCall.render(variant.get().request(), FormStyle.BRACKETS, keyFor(variant.get().request().getPath()));
                            exchange("invalid, realistic", label + " [" + variant.get().label() + " but the invalid one]", real,
                                    Expectation.onTheWire(real, request.getInvalidInput(), variant.get().expect()), null, false);
                        }
                    }
                    continue;
                }
                HttpCall call = HttpCall.render(request, FormStyle.BRACKETS, keyFor(request.getPath()));
                exchange("valid", label, call, Expectation.NOT_UNSUPPORTED, null, !call.isForm());
                if (call.isForm()) {
                    // the same valid case as a generic OpenAPI tool reads the spec's deepObject encoding
                    exchange("valid, Tcases form encoding", label + " [Tcases' deepObject form encoding]",
                            HttpCall.render(request, FormStyle.TCASES, keyFor(request.getPath())), Expectation.NOT_UNSUPPORTED, null, false);
                }
                if (existing.isPresent()) {
                    List<Variant> variants = new ArrayList<>();
                    realistic.variantOf(request, existing.get(), () -> newOrder(realistic)).ifPresent(variants::add);
                    variants.addAll(operator.variantsOf(request, () -> newOrder(realistic)));
                    for (Variant variant : variants) {
                        HttpCall real = HttpCall.render(variant.request(), FormStyle.BRACKETS, keyFor(variant.request().getPath()));
                        exchange("realistic", label + " [" + variant.label() + "]", real, variant.expect(), variant.check(), !real.isForm());
                    }
                }
            }
            System.out.printf("[spec-fuzz] the IPN sink on loopback received %d IPNs%n", sink.received());
        }

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int total = sentByKind.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("[spec-fuzz] sent %d requests in %d ms (Tcases generation included): %s%n", total, millis, sentByKind);
        System.out.printf("[spec-fuzz] sent by group: %s%n", sentByGroup);
        System.out.printf("[spec-fuzz] statuses by group and kind: %s%n", statusesByKind);
        timings.sort(Map.Entry.<Long, String>comparingByKey().reversed());
        System.out.printf("[spec-fuzz] slowest: %s%n", timings.subList(0, Math.min(5, timings.size())));
        Path transcriptFile = Path.of("target", "spec-fuzz", "transcript-" + seed + ".txt");
        Files.createDirectories(transcriptFile.getParent());
        Files.write(transcriptFile, transcript, StandardCharsets.UTF_8);
        System.out.printf("[spec-fuzz] every request and its status: %s%n", transcriptFile.toAbsolutePath());
        if (!findings.isEmpty()) {
            fail(report(seed, total));
        }
    }

    /**
     * The key each operation is sent with: a partner's in the cabinet and on order/create
     * (so that the fuzzer's orders are a partner's), the operator's everywhere else.
     */
    private String keyFor(String path) {
        return path.startsWith("/user/") || CREATE.equals(path) ? partnerKey : OPERATOR_KEY;
    }

    /** The fuzzer's partner, its keys and what the operator's realistic cases act on, made through the operator's API. */
    private Fixtures fixtures() {
        try {
            return new Fixtures((label, call, expect) -> exchange("setup", label, call, expect, null, true)
                    .filter(answer -> expect.accepts().test(answer.status()))
                    .map(answer -> answer.body().path("data")), OPERATOR_KEY);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + findings, e);
        }
    }

    /**
     * The keys Tcases does not try: the other side's valid key (a partner's on the operator's
     * API, the operator's on the cabinet and on order/create) is 403, a revoked key 401.
     */
    private void otherKeys(String label, HttpCall call, String revokedKey) {
        String kind = "invalid, wrong kind of key";
        if (call.template().startsWith("/admin/")) {
            exchange(kind, label + " [a partner's key]", call.withHeader(API_KEY, partnerKey),
                    Expectation.exactly(403, "a partner's key is valid, but not on the operator's API"), null, false);
        } else {
            exchange(kind, label + " [the operator's key]", call.withHeader(API_KEY, OPERATOR_KEY),
                    Expectation.exactly(403, "the operator's key is valid, but not on a partner's operation"), null, false);
        }
        exchange(kind, label + " [a revoked key]", call.withHeader(API_KEY, revokedKey),
                Expectation.exactly(401, "a revoked key is not valid"), null, false);
    }

    private RealisticCases realisticCases(long seed, IpnSink sink, String partnerId) {
        HttpCall listRoutes = new HttpCall("GET", RealisticCases.LIST_ROUTES, RealisticCases.LIST_ROUTES, List.of(), Map.of(), null, null);
        Optional<Answer> routes = exchange("setup", "the demo routes", listRoutes, Expectation.SUCCESS, data -> {
            return data.isEmpty() ? List.of("no active routes: the demo routes of V2__demo_routes.sql are missing") : List.of();
        }, true);
        JsonNode data = routes.map(answer -> answer.body().path("data")).orElse(json.createArrayNode());
        return new RealisticCases(data, new Random(seed), sink.url(), partnerId);
    }

    /** Creates an order of the fuzzer's partner on the next demo route (a checked request itself); empty when that failed. */
    private Optional<Order> newOrder(RealisticCases realistic) {
        Variant order = realistic.newOrder();
        HttpCall call = HttpCall.render(order.request(), FormStyle.BRACKETS, partnerKey).withHeader(API_KEY, partnerKey);
        return exchange("setup", "an order for the realistic cases", call, order.expect(), order.check(), true)
                .filter(answer -> answer.status() == 200)
                .map(answer -> new Order(answer.body().path("data").path("uid").asLong(), answer.body().path("data").path("secret").asString()));
    }

    /**
     * Sends one request and checks its answer: no 5xx, a status documented for the operation,
     * the expected status, a body valid against the spec, no exception text, and (for 2xx)
     * what {@code check} says about {@code data}.
     */
    private Optional<Answer> exchange(String kind, String label, HttpCall call, Expectation expect,
                                      Function<JsonNode, List<String>> check, boolean validateRequest) {
        int total = sentByKind.values().stream().mapToInt(Integer::intValue).sum();
        if (total >= MAX_REQUESTS || System.nanoTime() > deadline) {
            if (!outOfBudget) {
                outOfBudget = true;
                record(kind, label, call, -1, "", List.of("the fuzzing budget (" + MAX_REQUESTS + " requests, " + BUDGET.toSeconds()
                        + " s) ran out after " + total + " requests: the server answers too slowly, or the generated cases grew"));
            }
            return Optional.empty();
        }
        sentByKind.merge(kind, 1, Integer::sum);
        sentByGroup.computeIfAbsent(group(call.template()), g -> new TreeMap<>()).merge(kind, 1, Integer::sum);
        HttpResponse<String> response;
        long sentAt = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(call.uri(base))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .method(call.method(), call.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            call.headers().forEach(request::header);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            record(kind, label, call, -1, "", List.of("no answer: " + e));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }

        int status = response.statusCode();
        String body = response.body();
        long millis = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();
        timings.add(Map.entry(millis, label + " -> " + status));
        transcript.add(String.format("%d %4d ms [%s] %s%n    %s", status, millis, kind, label, call.describe(300)));
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        statusesByKind.merge(group(call.template()) + ", " + kind + " " + status, 1, Integer::sum);
        List<String> problems = new ArrayList<>();

        if (status >= 500) {
            problems.add("server fault: " + status);
        }
        String operation = call.method() + " " + call.template();
        Set<Integer> statuses = documented.getOrDefault(operation, Set.of());
        if (!statuses.contains(status) && !statuses.contains(ANY)) {
            problems.add("status " + status + " is not documented for " + operation + " (the spec has " + statuses + ")");
        }
        if (!expect.accepts().test(status)) {
            problems.add("expected " + expect.description() + "; got " + status);
        }
        if (body.contains("Exception") || body.contains("\tat ")) {
            problems.add("the body shows exception text");
        }

        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            answer.withContentType(contentType);
        }
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        Request.Method method = Request.Method.valueOf(call.method());
        errors(validator.validateResponse(call.operationPath(), method, answer.build()))
                .forEach(message -> problems.add("response does not match the spec: " + message));
        if (validateRequest) {
            // the validator cannot read bracket-notation forms, so only JSON and query-only requests are checked
            errors(validator.validateRequest(request(call, method)))
                    .forEach(message -> problems.add("the fuzzer sent a request the spec does not allow (a test problem): " + message));
        }

        JsonNode parsed = null;
        if (contentType != null && contentType.startsWith("application/xml")) {
            // rates.xml: well-formed XML is what the spec's Rates promises beyond the validator's checks
            try {
                javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (Exception e) {
                problems.add("the body is not well-formed XML");
            }
        } else {
            try {
                parsed = json.readTree(body);
            } catch (JacksonException e) {
                problems.add("the body is not JSON");
            }
        }
        if (parsed != null && status >= 200 && status < 300 && check != null) {
            problems.addAll(check.apply(parsed.path("data")));
        }
        if (!problems.isEmpty()) {
            record(kind, label, call, status, body, problems);
        }
        return parsed == null ? Optional.empty() : Optional.of(new Answer(status, parsed));
    }

    private static Request request(HttpCall call, Request.Method method) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, call.path());
        call.decodedQuery().forEach(request::withQueryParam);
        call.headers().forEach(request::withHeader);
        if (call.contentType() != null) {
            request.withContentType(call.contentType());
            request.withBody(call.body());
        }
        return request.build();
    }

    private static List<String> errors(ValidationReport report) {
        List<String> errors = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                errors.add("[" + message.getKey() + "] " + message.getMessage().replace('\n', ' '));
            }
        }
        return errors;
    }

    private void record(String kind, String label, HttpCall call, int status, String body, List<String> problems) {
        findings.add(new Finding(findings.size() + 1, kind, label, call, status, body, List.copyOf(problems)));
    }

    /**
     * The failure message: the findings grouped by operation, media type, status and first
     * problem, each group with its first examples in full; every finding goes to {@code file}.
     */
    private String report(long seed, int total) throws IOException {
        Map<String, List<Finding>> groups = new TreeMap<>();
        for (Finding finding : findings) {
            HttpCall call = finding.call();
            String key = call.method() + " " + call.template() + (call.contentType() != null ? " (" + call.contentType() + ")" : "")
                    + " -> " + (finding.status() < 0 ? "no status" : finding.status()) + ": " + finding.problems().get(0);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        Path file = Path.of("target", "spec-fuzz", "findings-" + seed + ".txt");
        List<String> all = new ArrayList<>();
        findings.forEach(finding -> all.add(describe(finding)));
        Files.write(file, all, StandardCharsets.UTF_8);

        StringBuilder s = new StringBuilder();
        s.append("Spec fuzzing found problems in ").append(findings.size()).append(" of ").append(total)
                .append(" requests (seed ").append(seed).append("; repeat with -Dfuzz.seed=").append(seed).append(").\n")
                .append("Every one of them: ").append(file.toAbsolutePath()).append("\n");
        groups.forEach((key, members) -> {
            s.append("\n").append(members.size()).append(" x ").append(key).append('\n');
            members.stream().limit(EXAMPLES_PER_GROUP).forEach(finding -> s.append(describe(finding)));
            if (members.size() > EXAMPLES_PER_GROUP) {
                s.append("  ... and ").append(members.size() - EXAMPLES_PER_GROUP).append(" more like these (#");
                s.append(String.join(", #", members.stream().skip(EXAMPLES_PER_GROUP).map(f -> String.valueOf(f.number())).toList()));
                s.append(")\n");
            }
        });
        return s.toString();
    }

    private static String describe(Finding finding) {
        StringBuilder s = new StringBuilder(String.format("  #%d [%s] %s%n    %s%n    -> %s %s%n", finding.number(), finding.kind(),
                finding.label(), finding.call().describe(SHOWN_BODY), finding.status() < 0 ? "no status" : finding.status(),
                HttpCall.clip(finding.body(), SHOWN_BODY)));
        finding.problems().forEach(problem -> s.append("    - ").append(problem).append('\n'));
        return s.toString();
    }

    /** The API an operation belongs to: the operator's, the partners' cabinet, or the public one. */
    private static String group(String path) {
        return path.startsWith("/admin/") ? "admin" : path.startsWith("/user/") ? "cabinet" : "public";
    }

    private static String label(RequestCase request) {
        return "Tcases case " + request.getId() + " " + request.getOperation().toUpperCase() + " " + request.getPath()
                + (request.isFailure() ? ", invalid: " + request.getInvalidInput() : ", valid");
    }

    private static String readSpec() throws IOException {
        try (InputStream in = SpecFuzzTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not on the classpath (the exchanger-openapi jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Tcases' request cases for the whole spec; the random values come from {@code seed} alone. */
    static List<RequestCase> tcasesCases(String spec, long seed) {
        SystemInputDef inputDef = TcasesOpenApiIO.getRequestInputModel(
                new ByteArrayInputStream(spec.getBytes(StandardCharsets.UTF_8)), "yaml", null);
        SystemTestDef testDef = Tcases.getTests(inputDef, null, null);
        ResolverContext context = new ResolverContext();
        context.setRandom(new Random(seed));
        return RequestCases.getRequestCases(testDef, context).getRequestCases();
    }

    /** "POST /public/exchanger/order/create" to the statuses its responses document. */
    static Map<String, Set<Integer>> documentedStatuses(String spec) {
        OpenAPI api = new OpenAPIV3Parser().readContents(spec, null, null).getOpenAPI();
        Map<String, Set<Integer>> statuses = new TreeMap<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> operation : item.readOperationsMap().entrySet()) {
                Set<Integer> codes = new TreeSet<>();
                operation.getValue().getResponses().keySet().forEach(code -> codes.add(code.equals("default") ? ANY : Integer.parseInt(code)));
                statuses.put(operation.getKey() + " " + path, codes);
            }
        });
        return statuses;
    }
}
