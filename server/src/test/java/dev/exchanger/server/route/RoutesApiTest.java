package dev.exchanger.server.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The route endpoints on the demo routes of V2, each answer held to the spec. */
class RoutesApiTest extends ApiTest {

    private static List<String> ids(JsonNode routes) {
        List<String> ids = new ArrayList<>();
        routes.forEach(route -> ids.add(route.path("_id").asString()));
        return ids;
    }

    @Test
    void listsTheActiveDemoRoutes() throws Exception {
        Reply reply = strict(get("/public/exchanger/route/get"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("success").asBoolean()).isTrue();
        assertThat(ids(reply.data())).contains(BTC_USDT, ETH_WMZ, USDT_CARD);
    }

    @Test
    void filtersByCurrency() throws Exception {
        Reply fromEth = strict(get("/public/exchanger/route/get").param("fromCurrencyId", "5d8e5f4ab80b7b4cd75a6302"));
        Reply toUah = strict(get("/public/exchanger/route/get").param("toCurrencyId", "5d8e5f4ab80b7b4cd75a6305"));
        Reply none = strict(get("/public/exchanger/route/get")
                .param("fromCurrencyId", "5d8e5f4ab80b7b4cd75a6302").param("toCurrencyId", "5d8e5f4ab80b7b4cd75a6305"));

        assertThat(ids(fromEth.data())).containsExactly(ETH_WMZ);
        assertThat(ids(toUah.data())).containsExactly(USDT_CARD);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.data()).isEmpty();
    }

    @Test
    void answersOneRouteWithItsFieldsAndMoney() throws Exception {
        Reply reply = strict(get("/public/exchanger/route/get/one").param("id", ETH_WMZ));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode route = reply.data();
        assertThat(route.path("rate").asString()).isEqualTo("158.71");
        assertThat(route.path("minAmount").asString()).isEqualTo("0.01");
        assertThat(route.path("maxAmount").asString()).isEqualTo("50");
        assertThat(route.path("feePercent").asString()).isEqualTo("0");
        assertThat(route.path("reserve").asString()).isEqualTo("25000");
        assertThat(route.path("paymentWindowMinutes").asInt()).isEqualTo(30);
        assertThat(route.path("from").path("scale").asInt()).isEqualTo(8);
        assertThat(route.path("to").path("scale").asInt()).isEqualTo(2);
        JsonNode wallet = route.path("toValues").get(0);
        assertThat(wallet.path("key").asString()).isEqualTo(ETH_WMZ_WALLET);
        assertThat(wallet.path("name").asString()).isEqualTo("wallet");
        assertThat(wallet.path("required").asBoolean()).isTrue();
        assertThat(wallet.path("regexp").asString()).isEqualTo("^Z[0-9]{12}$");
        assertThat(wallet.path("example").asString()).isEqualTo("Z123456789012");
        assertThat(route.path("fromValues").get(0).path("required").asBoolean()).isFalse();
        assertThat(route.path("routeValues").get(0).path("name").asString()).isEqualTo("email");
    }

    @Test
    void answersTheFeesOfAFeeRoute() throws Exception {
        JsonNode route = strict(get("/public/exchanger/route/get/one").param("id", BTC_USDT)).data();

        assertThat(route.path("feePercent").asString()).isEqualTo("0.5");
        assertThat(route.path("feeFixed").asString()).isEqualTo("1");
        assertThat(route.path("minAmount").asString()).isEqualTo("0.0005");
    }

    @Test
    void answersOneRouteByXmlCodes() throws Exception {
        Reply reply = strict(get("/public/exchanger/route/get/one/by-xml").param("xmlIn", "ETH").param("xmlOut", "WMZ"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data().path("_id").asString()).isEqualTo(ETH_WMZ);
    }

    @ParameterizedTest
    @CsvSource({"eth,wmz", "Eth,wMz", "ETH,wmz"})
    void findsARouteByXmlCodesIgnoringCase(String xmlIn, String xmlOut) throws Exception {
        Reply reply = strict(get("/public/exchanger/route/get/one/by-xml").param("xmlIn", xmlIn).param("xmlOut", xmlOut));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("_id").asString()).isEqualTo(ETH_WMZ);
        assertThat(reply.data().path("from").path("xml").asString()).isEqualTo("ETH");
    }

    @Test
    void keepsEveryFieldsExampleValidForItsOwnPattern() throws Exception {
        JsonNode routes = strict(get("/public/exchanger/route/get")).data();

        for (JsonNode route : routes) {
            for (String kind : List.of("fromValues", "toValues", "routeValues")) {
                for (JsonNode field : route.path(kind)) {
                    assertThat(field.path("example").asString()).as(route.path("_id").asString() + " " + kind)
                            .matches(field.path("regexp").asString());
                }
            }
        }
    }

    @Test
    void answersUnknownRoutesWith404() throws Exception {
        Reply byId = strict(get("/public/exchanger/route/get/one").param("id", "5d8e5f4ab80b7b4cd75a64ff"));
        Reply byXml = strict(get("/public/exchanger/route/get/one/by-xml").param("xmlIn", "WMZ").param("xmlOut", "ETH"));

        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.error().path("errorCode").asInt()).isEqualTo(2002);
        assertThat(byXml.status()).isEqualTo(404);
        assertThat(byXml.error().path("errorCode").asInt()).isEqualTo(2002);
    }

    @Test
    void hidesASwitchedOffRoute() throws Exception {
        jdbc.update("update route set active = false where id = ?", USDT_CARD);
        try {
            assertThat(strict(get("/public/exchanger/route/get/one").param("id", USDT_CARD)).status()).isEqualTo(404);
            assertThat(ids(strict(get("/public/exchanger/route/get")).data())).doesNotContain(USDT_CARD);
        } finally {
            jdbc.update("update route set active = true where id = ?", USDT_CARD);
        }
    }

    @Test
    void rejectsARouteIdThatIsNotAnObjectId() throws Exception {
        Reply reply = answerChecked(get("/public/exchanger/route/get/one").param("id", "nope"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("errorCode").asInt()).isEqualTo(1001);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("id");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("format");
    }

    @Test
    void rejectsACurrencyFilterThatIsNotAnObjectId() throws Exception {
        Reply reply = answerChecked(get("/public/exchanger/route/get").param("fromCurrencyId", "ETH"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("fromCurrencyId");
        assertThat(reply.error().path("object").path("err").asString()).isEqualTo("format");
    }

    @Test
    void rejectsAnXmlCodeOutsideItsAlphabet() throws Exception {
        Reply reply = answerChecked(get("/public/exchanger/route/get/one/by-xml").param("xmlIn", "ETH;DROP").param("xmlOut", "WMZ"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("xmlIn");
    }
}
