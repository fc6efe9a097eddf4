package dev.exchanger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The harness the integration tests rely on really refuses answers that break the spec, so that
 * "validated against the spec" is not a matcher that passes everything.
 */
class SpecValidationTest {

    private static ValidationReport responseReport(String method, String path, int status, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        return SpecValidation.validateResponse(request, response);
    }

    private static final String ERROR = """
            {"success": false, "error": {"message": "Order not found", "errorType": "NotFoundError", "errorCode": 2001},
             "requestId": "6f1c2a9e4b7d4f0e"}""";

    @Test
    void acceptsADocumentedErrorEnvelope() throws Exception {
        assertThat(responseReport("GET", ApiTest.GET, 404, ERROR).hasErrors()).isFalse();
    }

    @Test
    void refusesAnUndocumentedStatus() throws Exception {
        assertThat(responseReport("GET", ApiTest.GET, 409, ERROR).hasErrors()).isTrue();
    }

    @Test
    void refusesAnEnvelopeWithoutRequestId() throws Exception {
        String body = """
                {"success": false, "error": {"message": "Order not found", "errorType": "NotFoundError", "errorCode": 2001}}""";
        assertThat(responseReport("GET", ApiTest.GET, 404, body).hasErrors()).isTrue();
    }

    @Test
    void refusesAnUnknownErrorType() throws Exception {
        String body = ERROR.replace("NotFoundError", "Oops");
        assertThat(responseReport("GET", ApiTest.GET, 404, body).hasErrors()).isTrue();
    }

    @Test
    void refusesAnAmountWithAnExponentOrTrailingZeros() throws Exception {
        String order = """
                {"success": true, "requestId": "6f1c2a9e4b7d4f0e", "data": {
                  "_id": "5d8e6002b80b7b4cd75a6424", "uid": 1409, "secret": "dGqwF2M2eBPaSN1G5ljMS1cb", "status": "new",
                  "route": {"_id": "5d8e5f4ab80b7b4cd75a6402",
                            "from": {"_id": "5d8e5f4ab80b7b4cd75a6302", "name": "Ethereum", "xml": "ETH", "scale": 8},
                            "to": {"_id": "5d8e5f4ab80b7b4cd75a6304", "name": "WebMoney WMZ", "xml": "WMZ", "scale": 2}},
                  "inAmount": "IN", "outAmount": "317.42", "rate": "158.71",
                  "fromValues": [], "toValues": [], "routeValues": [], "lang": "en", "hideOutData": false,
                  "createdAt": "2019-10-17T15:46:46.072Z",
                  "paymentUrl": "http://localhost/en/payment/1409/dGqwF2M2eBPaSN1G5ljMS1cb",
                  "orderUrl": "http://localhost/en/order/1409/dGqwF2M2eBPaSN1G5ljMS1cb"}}""";

        assertThat(responseReport("GET", ApiTest.GET, 200, order.replace("\"IN\"", "\"2\"")).hasErrors()).isFalse();
        assertThat(responseReport("GET", ApiTest.GET, 200, order.replace("\"IN\"", "\"2E+0\"")).hasErrors()).isTrue();
        assertThat(responseReport("GET", ApiTest.GET, 200, order.replace("\"IN\"", "\"2.00\"")).hasErrors()).isTrue();
        assertThat(responseReport("GET", ApiTest.GET, 200, order.replace("\"IN\"", "2")).hasErrors()).isTrue();
    }
}
