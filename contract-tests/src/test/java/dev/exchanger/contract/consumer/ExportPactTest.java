package dev.exchanger.contract.consumer;

import static dev.exchanger.contract.consumer.Bodies.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.exchanger.client.ApiException;
import dev.exchanger.client.api.ExportApi;
import dev.exchanger.client.model.RateItem;
import dev.exchanger.contract.Pacts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A monitor's calls of the rates export against the Pact mock server. The generated client reads
 * only JSON bodies, so the XML answer is read with {@code java.net.http} (as a monitor would); its
 * pact fixes status and headers, and the body's shape is proven by the server's tests against the
 * BestChange XSD shape. The 304s go through the generated client, which sends {@code If-None-Match}
 * and reports a non-2xx answer as an {@link ApiException}.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Pacts.PROVIDER, pactVersion = PactSpecVersion.V4)
class ExportPactTest {

    private static final String XML_PATH = "/service/export/xml";
    private static final String JSON_PATH = "/service/export/json";
    private static final String ROUTE_STATE = "route ETH to WMZ exists";
    private static final String ETAG_STATE = "a monitor holds the current rates ETags";
    private static final String XML = "application/xml(;\\s*charset=[\\w-]+)?";
    private static final String STRONG_ETAG = "\"[0-9a-f]{64}\"";
    private static final String WEAK_ETAG = "W/\"[0-9a-f]{64}\"";
    private static final String AN_ETAG = "\"" + "3f8a0c1d2e4b5a69".repeat(4) + "\"";
    private static final String DECIMAL = "(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?";
    private static final String LIMIT = DECIMAL + " [A-Za-z0-9_]{1,32}";
    private static final String CODE = "[A-Za-z0-9_]{1,32}";
    private static final String LAST_MODIFIED_STATE = "a monitor holds the rates' Last-Modified";
    private static final String HTTP_DATE = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";
    private static final String A_DATE = "Thu, 17 Oct 2019 09:30:00 GMT";
    private static final String TEXT_XML = "text/xml(;\\s*charset=[\\w-]+)?";

    private static ExportApi export(MockServer mockServer) {
        return new ExportApi(ConsumerClients.client(mockServer));
    }

    // ---- exportRatesXml -------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesXml(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("a monitor reads rates.xml")
                .method("GET").path(XML_PATH)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", XML, "application/xml;charset=UTF-8")
                .matchHeader("ETag", STRONG_ETAG, AN_ETAG)
                .matchHeader("Cache-Control", "no-cache", "no-cache")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesXml")
    void readsRatesXmlWithItsEtag(MockServer mockServer) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mockServer.getUrl() + XML_PATH)).header("Accept", "application/xml").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).matches(XML));
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(v -> assertThat(v).matches(STRONG_ETAG));
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesXmlUnchanged(PactDslWithProvider provider) {
        return provider.given(ETAG_STATE)
                .uponReceiving("a monitor reads rates.xml again with the ETag it holds")
                .method("GET").path(XML_PATH)
                .headerFromProviderState("If-None-Match", "${xmlEtag}", AN_ETAG)
                .willRespondWith()
                .status(304)
                .matchHeader("ETag", STRONG_ETAG, AN_ETAG)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesXmlUnchanged")
    void getsNotModifiedForTheSameEtag(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> export(mockServer).exportRatesXml(AN_ETAG, null));

        assertThat(e.getCode()).isEqualTo(304);
        assertThat(e.getResponseHeaders().firstValue("ETag")).hasValue(AN_ETAG);
    }

    // ---- exportRatesJson ------------------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesJson(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("a monitor reads the rates as JSON")
                .method("GET").path(JSON_PATH)
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", JSON, "application/json")
                .matchHeader("ETag", WEAK_ETAG, "W/" + AN_ETAG)
                .body(LambdaDsl.newJsonBody(body -> {
                    body.booleanValue("success", true);
                    body.minArrayLike("data", 1, item -> {
                        item.stringMatcher("from", CODE, "ETH");
                        item.stringMatcher("to", CODE, "WMZ");
                        item.stringMatcher("in", DECIMAL, "1");
                        item.stringMatcher("out", DECIMAL, "158.71");
                        item.stringMatcher("amount", DECIMAL, "25000");
                        item.stringMatcher("minamount", LIMIT, "0.01 ETH");
                        item.stringMatcher("maxamount", LIMIT, "50 ETH");
                        item.stringMatcher("frommin", DECIMAL, "0.01");
                        item.stringMatcher("frommax", DECIMAL, "50");
                        item.stringMatcher("tomin", DECIMAL, "1.58");
                        item.stringMatcher("tomax", DECIMAL, "7935.5");
                    });
                    body.stringType("requestId", Bodies.REQUEST_ID);
                }).build())
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesJson")
    void readsTheRatesAsJson(MockServer mockServer) throws Exception {
        List<RateItem> items = export(mockServer).exportRatesJson(null, null).getData();

        assertThat(items).isNotEmpty().allSatisfy(item -> {
            assertThat(item.getOut()).isNotBlank();
            assertThat(item.getMinamount()).endsWith(" " + item.getFrom());
        });
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesJsonUnchanged(PactDslWithProvider provider) {
        return provider.given(ETAG_STATE)
                .uponReceiving("a monitor reads the JSON rates again with the ETag it holds")
                .method("GET").path(JSON_PATH)
                .headerFromProviderState("If-None-Match", "${jsonEtag}", "W/" + AN_ETAG)
                .willRespondWith()
                .status(304)
                .matchHeader("ETag", WEAK_ETAG, "W/" + AN_ETAG)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesJsonUnchanged")
    void getsNotModifiedForTheSameJsonEtag(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> export(mockServer).exportRatesJson("W/" + AN_ETAG, null));

        assertThat(e.getCode()).isEqualTo(304);
    }

    // ---- Last-Modified and text/xml ---------------------------------------------------------

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesXmlNotModifiedSince(PactDslWithProvider provider) {
        return provider.given(LAST_MODIFIED_STATE)
                .uponReceiving("a monitor reads rates.xml again with the Last-Modified it holds")
                .method("GET").path(XML_PATH)
                .headerFromProviderState("If-Modified-Since", "${lastModified}", A_DATE)
                .willRespondWith()
                .status(304)
                .matchHeader("Last-Modified", HTTP_DATE, A_DATE)
                .matchHeader("ETag", STRONG_ETAG, AN_ETAG)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesXmlNotModifiedSince")
    void getsNotModifiedSinceTheLastModified(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> export(mockServer).exportRatesXml(null, A_DATE));

        assertThat(e.getCode()).isEqualTo(304);
        assertThat(e.getResponseHeaders().firstValue("Last-Modified")).hasValue(A_DATE);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesJsonNotModifiedSince(PactDslWithProvider provider) {
        return provider.given(LAST_MODIFIED_STATE)
                .uponReceiving("a monitor reads the JSON rates again with the Last-Modified it holds")
                .method("GET").path(JSON_PATH)
                .headerFromProviderState("If-Modified-Since", "${lastModified}", A_DATE)
                .willRespondWith()
                .status(304)
                .matchHeader("Last-Modified", HTTP_DATE, A_DATE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesJsonNotModifiedSince")
    void getsNotModifiedSinceTheLastModifiedAsJson(MockServer mockServer) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> export(mockServer).exportRatesJson(null, A_DATE));

        assertThat(e.getCode()).isEqualTo(304);
    }

    @Pact(consumer = Pacts.CONSUMER)
    V4Pact exportRatesAsTextXml(PactDslWithProvider provider) {
        return provider.given(ROUTE_STATE)
                .uponReceiving("a monitor that takes only text/xml reads rates.xml")
                .method("GET").path(XML_PATH)
                .headers("Accept", "text/xml")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", TEXT_XML, "text/xml;charset=UTF-8")
                .matchHeader("ETag", STRONG_ETAG, AN_ETAG)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "exportRatesAsTextXml")
    void readsRatesXmlAsTextXml(MockServer mockServer) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mockServer.getUrl() + XML_PATH)).header("Accept", "text/xml").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).matches(TEXT_XML));
    }
}
