package dev.exchanger.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.server.testing.ApiTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code amount} as generated clients send it (a decimal string, exact) and as existing
 * integrations send it (a JSON number): both are read as the decimal they are written as, and a
 * binary float's noise is refused for its decimals, never rounded away.
 */
class ExactAmountTest extends ApiTest {

    private Reply create(Object amount) throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", amount);
        return answerChecked(createJson(body));
    }

    @Test
    void takesADecimalStringExactly() throws Exception {
        Map<String, Object> body = ethToWmz();
        body.put("amount", "0.3");

        Reply reply = strict(createJson(body));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("inAmount").asString()).isEqualTo("0.3");
        assertThat(reply.data().path("outAmount").asString()).isEqualTo("47.61");
        assertThat(jdbc.queryForObject("select in_amount from exchange_order where uid = ?", BigDecimal.class,
                reply.data().path("uid").asLong())).isEqualByComparingTo("0.3");
    }

    @Test
    void stillTakesAJsonNumberAsTheDecimalItIsWrittenAs() throws Exception {
        Reply reply = strict(createJson(json(ethToWmz()).replace("\"amount\":2", "\"amount\":0.30")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.data().path("inAmount").asString()).isEqualTo("0.3");
    }

    @Test
    void refusesWhatABinaryFloatSendsForZeroPointOnePlusZeroPointTwo() throws Exception {
        double sum = 0.1 + 0.2;
        StoredRows before = storedRows();

        Reply reply = create(sum);

        assertThat(Double.toString(sum)).isEqualTo("0.30000000000000004");
        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("message").asString()).isEqualTo("Param amount isn't valid: at most 8 decimals for ETH");
        assertThat(storedRows()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,3", "1e2", "+2", " 2", "02", "2.", ".5", "0x1A", "NaN"})
    void refusesAStringThatIsNotThePlainDecimalTheSpecDescribes(String amount) throws Exception {
        Reply reply = create(amount);

        assertThat(reply.status()).as(reply.text()).isEqualTo(400);
        assertThat(reply.error().path("object").path("nameField").asString()).isEqualTo("amount");
    }
}
