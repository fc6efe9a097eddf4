package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Every bad {@code order/create} gets a 4xx error envelope that names the problem, and stores nothing.
 * Requests outside the spec's own schema are sent on purpose, so only the answers are held to the spec.
 */
class CreateOrderRejectionTest extends ApiTest {

    /** Sends the request, checks the envelope and that not one row was stored; answers {@code error}. */
    private JsonNode rejected(MockHttpServletRequestBuilder request, int status) throws Exception {
        StoredRows before = storedRows();

        Reply reply = answerChecked(request);

        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        JsonNode body = reply.body();
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.has("data")).isFalse();
        assertThat(body.path("requestId").asString()).isNotBlank().isEqualTo(reply.header("X-Request-Id"));
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(storedRows()).as("nothing is stored").isEqualTo(before);
        return body.path("error");
    }

    private JsonNode rejectedJson(Map<String, Object> body, int status) throws Exception {
        return rejected(createJson(body), status);
    }

    private static void assertInvalid(JsonNode error, int code, String type, String nameField, String err) {
        assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(code);
        assertThat(error.path("object").path("type").asString()).isEqualTo(type);
        assertThat(error.path("object").path("nameField").asString()).isEqualTo(nameField);
        assertThat(error.path("object").path("err").asString()).isEqualTo(err);
    }

    // ---- the route's fields ---------------------------------------------------------------------

    @Test
    void rejectsWalletThatDoesNotMatchItsPattern() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z12345")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param toValues isn't valid: wallet");
        assertInvalid(error, 1001, "toValues", "wallet", "regexp");
        assertThat(error.path("object").path("fieldId").asString()).isEqualTo(ETH_WMZ_WALLET);
    }

    @Test
    void rejectsOptionalSenderWalletThatDoesNotMatchItsPattern() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("fromValues", List.of(field(ETH_FROM_WALLET, "0xnothex")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param fromValues isn't valid: wallet");
        assertInvalid(error, 1001, "fromValues", "wallet", "regexp");
        assertThat(error.path("object").path("fieldId").asString()).isEqualTo(ETH_FROM_WALLET);
    }

    @Test
    void rejectsMissingRequiredRecipientField() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.remove("toValues");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param toValues isn't valid: wallet");
        assertInvalid(error, 1001, "toValues", "wallet", "required");
        assertThat(error.path("object").path("fieldId").asString()).isEqualTo(ETH_WMZ_WALLET);
    }

    @Test
    void rejectsBlankRequiredField() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("routeValues", List.of(field(ETH_WMZ_EMAIL, "   ")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param routeValues isn't valid: email");
        assertInvalid(error, 1001, "routeValues", "email", "required");
    }

    @Test
    void rejectsFieldKeyTheRouteDoesNotDefine() throws Exception {
        String unknown = "5d8e5f4ab80b7b4cd75a6499";
        Map<String, Object> body = ethToWmz();
        body.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z123456789012"), field(unknown, "x")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).startsWith("Param toValues isn't valid");
        assertThat(error.path("object").path("err").asString()).isEqualTo("unknown");
        assertThat(error.path("object").path("type").asString()).isEqualTo("toValues");
        assertThat(error.path("object").path("fieldId").asString()).isEqualTo(unknown);
    }

    @Test
    void rejectsAFieldOfAnotherGroup() throws Exception {
        // the e-mail field's key is a routeValues key, not a toValues one
        Map<String, Object> body = ethToWmz();
        body.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z123456789012"), field(ETH_WMZ_EMAIL, "client@example.com")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("object").path("err").asString()).isEqualTo("unknown");
        assertThat(error.path("object").path("type").asString()).isEqualTo("toValues");
    }

    @Test
    void rejectsTheSameFieldGivenTwice() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("toValues", List.of(field(ETH_WMZ_WALLET, "Z123456789012"), field(ETH_WMZ_WALLET, "Z999999999999")));

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1001, "toValues", "wallet", "duplicate");
    }

    @Test
    void rejectsAFieldWithoutItsKey() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("toValues", List.of(Map.of("value", "Z123456789012")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1001);
        assertThat(error.path("object").path("type").asString()).isEqualTo("toValues");
        assertThat(error.path("object").path("err").asString()).isEqualTo("required");
    }

    // ---- the amount -----------------------------------------------------------------------------

    @Test
    void rejectsAmountUnderTheRoutesMinimum() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal("0.009"));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param amount isn't valid: the minimum is 0.01");
        assertInvalid(error, 1002, "amount", "amount", "min");
    }

    @Test
    void rejectsAmountOverTheRoutesMaximum() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal("50.00000001"));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param amount isn't valid: the maximum is 50");
        assertInvalid(error, 1002, "amount", "amount", "max");
    }

    @Test
    void acceptsTheLimitsThemselves() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal("0.01"));
        assertThat(createdOrder(body).path("outAmount").asString()).isEqualTo("1.58");
        body.put("amount", 50);
        assertThat(createdOrder(body).path("outAmount").asString()).isEqualTo("7935.5");
    }

    @Test
    void rejectsAmountWithMoreDecimalsThanTheSendingCurrencyHas() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal("1.123456789"));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param amount isn't valid: at most 8 decimals for ETH");
        assertInvalid(error, 1002, "amount", "amount", "format");
    }

    @Test
    void acceptsTrailingZerosBeyondTheScale() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal("2.0000000000"));

        assertThat(createdOrder(body).path("inAmount").asString()).isEqualTo("2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"2 ETH\"", "true", "[2]", "{\"value\": 2}"})
    void rejectsAmountThatIsNotANumber(String amount) throws Exception {
        String body = "{\"routeId\":\"" + ETH_WMZ + "\",\"amount\":" + amount + ","
                + "\"toValues\":[{\"key\":\"" + ETH_WMZ_WALLET + "\",\"value\":\"Z123456789012\"}],"
                + "\"routeValues\":[{\"key\":\"" + ETH_WMZ_EMAIL + "\",\"value\":\"client@example.com\"}]}";

        JsonNode error = rejected(createJson(body), 400);

        assertThat(error.path("message").asString()).isEqualTo("Param amount isn't valid");
        assertInvalid(error, 1001, "amount", "amount", "type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-0.5"})
    void rejectsAmountThatIsNotPositive(String amount) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", new BigDecimal(amount));

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1002, "amount", "amount", "min");
    }

    @Test
    void rejectsMissingAmount() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.remove("amount");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("object").path("type").asString()).isEqualTo("amount");
        assertThat(error.path("object").path("err").asString()).isEqualTo("required");
    }

    @Test
    void rejectsAmountThatExceedsTheReceivingCurrencysReserve() throws Exception {
        // 4 BTC x 64250.5 less 0.5 % less 1 = 255715.99 USDT, more than the 250000 in reserve
        Map<String, Object> body = Map.of(
                "routeId", BTC_USDT,
                "amount", 4,
                "toValues", List.of(field("5d8e5f4ab80b7b4cd75a6411", "TJYeasTPa6gpEEfYqz4YK6y5G8ZqvN1Yb9")),
                "routeValues", List.of(field("5d8e5f4ab80b7b4cd75a6412", "client@example.com")));

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param amount isn't valid: the reserve of USDTTRC20 is 250000");
        assertInvalid(error, 1002, "amount", "amount", "max");
    }

    // ---- the route ------------------------------------------------------------------------------

    @Test
    void rejectsUnknownRouteWith404() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("routeId", "5d8e5f4ab80b7b4cd75a64ff");

        JsonNode error = rejectedJson(body, 404);

        assertThat(error.path("errorCode").asInt()).isEqualTo(2002);
        assertThat(error.path("errorType").asString()).isEqualTo("NotFoundError");
        assertThat(error.path("message").asString()).isEqualTo("Route not found");
        assertThat(error.path("object").path("nameField").asString()).isEqualTo("routeId");
        assertThat(error.path("object").path("err").asString()).isEqualTo("unknown");
    }

    @Test
    void rejectsASwitchedOffRouteLikeAnUnknownOne() throws Exception {
        jdbc.update("update route set active = false where id = ?", ETH_WMZ);
        try {
            JsonNode error = rejectedJson(ethToWmz(), 404);

            assertThat(error.path("errorCode").asInt()).isEqualTo(2002);
        } finally {
            jdbc.update("update route set active = true where id = ?", ETH_WMZ);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5D8E5F4AB80B7B4CD75A6402", "5d8e5f4ab80b7b4cd75a640", "5d8e5f4ab80b7b4cd75a64022",
            "5d8e5f4ab80b7b4cd75a640z", "' or 1=1 --"})
    void rejectsRouteIdThatIsNotAnObjectId(String routeId) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("routeId", routeId);

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1001, "routeId", "routeId", "format");
        assertThat(error.path("message").asString()).isEqualTo("Param routeId isn't valid");
    }

    @Test
    void rejectsMissingRouteId() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.remove("routeId");

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1001, "routeId", "routeId", "required");
    }

    // ---- URLs -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ftp://shop.example.com/ipn", "/ipn", "shop.example.com/ipn", "http://", "javascript:alert(1)",
            "file:///etc/passwd", "https://shop example.com/ipn", "https://user:pass@shop.example.com/ipn"})
    void rejectsIpnUrlThatIsNotAnAbsoluteHttpUrl(String ipnUrl) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", ipnUrl);
        body.put("ipnSecret", "SECRET123");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).startsWith("Param ipnUrl isn't valid: ");
        assertInvalid(error, 1001, "ipnUrl", "ipnUrl", "format");
    }

    /** Refused even where IPNs may go to loopback and private addresses, as in these tests. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://0177.0.0.1/ipn    | the host 0177.0.0.1 looks like an IP address but is not written in dotted-decimal
            http://[2002:7f00:1::]/  | the IPN URL's host [2002:7f00:1::] is a 6to4 address (RFC 3056) embedding 127.0.0.1, a loopback address (RFC 1122)
            http://192.0.2.1/        | the IPN URL's host 192.0.2.1 is a documentation address (RFC 5737)
            """)
    void rejectsIpnUrlWhoseHostIsAnAmbiguousOrSpecialPurposeAddress(String ipnUrl, String why) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", ipnUrl);
        body.put("ipnSecret", "SECRET123");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).startsWith("Param ipnUrl isn't valid: " + why);
        assertInvalid(error, 1001, "ipnUrl", "ipnUrl", "format");
    }

    @Test
    void rejectsIpnUrlWithoutIpnSecret() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", "https://shop.example.com/ipn");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param ipnSecret isn't valid");
        assertInvalid(error, 1001, "ipnSecret", "ipnSecret", "required");
    }

    @Test
    void rejectsIpnUrlWithABlankIpnSecret() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("ipnUrl", "https://shop.example.com/ipn");
        body.put("ipnSecret", "   ");

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1001, "ipnSecret", "ipnSecret", "required");
    }

    @Test
    void rejectsClientCallbackUrlThatIsNotAnAbsoluteHttpUrl() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("clientCallbackUrl", "javascript:alert(document.cookie)");

        JsonNode error = rejectedJson(body, 400);

        assertInvalid(error, 1001, "clientCallbackUrl", "clientCallbackUrl", "format");
    }

    // ---- the body itself ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"routeId\": \"5d8e5f4ab80b7b4cd75a6402\", \"amount\": 2", "", "[]", "null"})
    void rejectsMalformedJson(String body) throws Exception {
        JsonNode error = rejected(post(CREATE).contentType(MediaType.APPLICATION_JSON).content(body), 400);

        assertThat(error.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(error.path("errorCode").asInt()).isIn(1000, 1001);
    }

    @Test
    void rejectsSyntacticallyBrokenJsonAsMalformed() throws Exception {
        JsonNode error = rejected(post(CREATE).contentType(MediaType.APPLICATION_JSON).content("{not json"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
        assertThat(error.path("message").asString()).startsWith("Malformed request body");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x"})
    void rejectsAnUnsupportedContentTypeWith415(String contentType) throws Exception {
        JsonNode error = rejected(post(CREATE).contentType(contentType).content(json(ethToWmz())), 415);

        assertThat(error.path("errorType").asString()).isEqualTo("UnsupportedMediaTypeError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(1003);
        assertThat(error.path("message").asString())
                .contains("application/json").contains("application/x-www-form-urlencoded");
    }

    @Test
    void rejectsABodyWithoutContentTypeWith415() throws Exception {
        JsonNode error = rejected(post(CREATE).content(json(ethToWmz())), 415);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1003);
    }

    @Test
    void rejectsAJsonBodyOver64KiBWith413() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("partner", "p".repeat(64 * 1024));

        JsonNode error = rejectedJson(body, 413);

        assertThat(error.path("errorType").asString()).isEqualTo("PayloadTooLargeError");
        assertThat(error.path("errorCode").asInt()).isEqualTo(1004);
        assertThat(error.path("message").asString()).contains("65536");
    }

    @Test
    void rejectsAFormBodyOver64KiBWith413() throws Exception {
        String form = "routeId=" + ETH_WMZ + "&amount=2&partner=" + "p".repeat(64 * 1024);

        JsonNode error = rejected(createForm(form), 413);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1004);
    }

    // ---- bracket forms --------------------------------------------------------------------------

    private static String validForm() {
        return "routeId=" + ETH_WMZ + "&amount=2"
                + "&toValues[0][key]=" + ETH_WMZ_WALLET + "&toValues[0][value]=Z123456789012"
                + "&routeValues[0][key]=" + ETH_WMZ_EMAIL + "&routeValues[0][value]=client@example.com";
    }

    @Test
    void rejectsBadWalletFromAFormLikeFromJson() throws Exception {
        JsonNode error = rejected(createForm(validForm().replace("Z123456789012", "Z1")), 400);

        assertThat(error.path("message").asString()).isEqualTo("Param toValues isn't valid: wallet");
        assertInvalid(error, 1001, "toValues", "wallet", "regexp");
    }

    @Test
    void rejectsConflictingFormKeysWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm() + "&partner=a&partner[b]=c"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
        assertThat(error.path("message").asString()).startsWith("Malformed request body").contains("partner");
    }

    @Test
    void rejectsAFormParameterGivenTwiceWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm() + "&amount=3"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
    }

    @Test
    void rejectsBadPercentEncodingInAFormWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm() + "&partner=%zz"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
    }

    @Test
    void rejectsNonNumericAmountInAFormWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm().replace("amount=2", "amount=two")), 400);

        assertThat(error.path("object").path("type").asString()).isEqualTo("amount");
        assertThat(error.path("object").path("err").asString()).isEqualTo("type");
    }

    @Test
    void rejectsAFormWhoseTopLevelIsAListWith400() throws Exception {
        JsonNode error = rejected(createForm("0=a&1=b"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1000);
        assertThat(error.path("message").asString()).startsWith("Malformed request body");
    }

    @Test
    void rejectsAFormFieldListGivenAsAnObjectWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm() + "&fromValues[x]=y"), 400);

        assertThat(error.path("errorCode").asInt()).isEqualTo(1001);
        assertThat(error.path("object").path("type").asString()).isEqualTo("fromValues");
        assertThat(error.path("object").path("err").asString()).isEqualTo("type");
    }

    @Test
    void rejectsAnUnknownLanguageInAFormWith400() throws Exception {
        JsonNode error = rejected(createForm(validForm() + "&lang=de"), 400);

        assertThat(error.path("message").asString()).isEqualTo("Param lang isn't valid");
        assertThat(error.path("object").path("err").asString()).isEqualTo("type");
    }

    @Test
    void rejectsAnUnknownLanguageInJsonWith400() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("lang", "de");

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("message").asString()).isEqualTo("Param lang isn't valid");
    }

    @Test
    void rejectsANullLanguageWith400() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("lang", null);

        JsonNode error = rejectedJson(body, 400);

        assertThat(error.path("object").path("type").asString()).isEqualTo("lang");
    }
}
