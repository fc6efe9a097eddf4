package dev.exchanger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bracket-notation form parser on its own: what the merchant plug-ins send, and what they must not. */
class BracketFormTest {

    private static Map<String, Object> parse(String body) {
        return BracketForm.parse(body, StandardCharsets.UTF_8);
    }

    @Test
    void parsesPlainParametersAsStrings() {
        assertThat(parse("routeId=5d8e5f4ab80b7b4cd75a6402&amount=2&lang=ru"))
                .containsExactly(Map.entry("routeId", "5d8e5f4ab80b7b4cd75a6402"), Map.entry("amount", "2"), Map.entry("lang", "ru"));
    }

    @Test
    void emptyBodyIsAnEmptyForm() {
        assertThat(parse("")).isEmpty();
    }

    @Test
    void parameterWithoutEqualsSignHasAnEmptyValue() {
        assertThat(parse("agreement&lang=en")).containsEntry("agreement", "").containsEntry("lang", "en");
    }

    @Test
    void decodesPercentEncodingAndPlusInNamesAndValues() {
        assertThat(parse("email=client%40example.com&cardholder=Taras+Shevchenko"))
                .containsEntry("email", "client@example.com")
                .containsEntry("cardholder", "Taras Shevchenko");
    }

    @Test
    void nestsIndexedBracketsIntoAListOfObjects() {
        Map<String, Object> form = parse("toValues[0][key]=5d8e5f4ab80b7b4cd75a6414&toValues[0][value]=Z123456789012"
                + "&toValues[1][key]=k2&toValues[1][value]=v2");

        assertThat(form.get("toValues")).isEqualTo(List.of(
                Map.of("key", "5d8e5f4ab80b7b4cd75a6414", "value", "Z123456789012"),
                Map.of("key", "k2", "value", "v2")));
    }

    @Test
    void readsPercentEncodedBracketsLikePlainOnes() {
        Map<String, Object> encoded = parse("toValues%5B0%5D%5Bkey%5D=k&toValues%5B0%5D%5Bvalue%5D=v");
        Map<String, Object> plain = parse("toValues[0][key]=k&toValues[0][value]=v");

        assertThat(encoded).isEqualTo(plain);
        assertThat(encoded.get("toValues")).isEqualTo(List.of(Map.of("key", "k", "value", "v")));
    }

    @Test
    void emptyBracketsAppendToTheList() {
        assertThat(parse("tags[]=a&tags[]=b&tags[]=c").get("tags")).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void ordersListElementsByNumericIndexNotByTextOrArrival() {
        Map<String, Object> form = parse("a[10]=ten&a[1]=one&a[0]=zero&a[2]=two");

        assertThat(form.get("a")).isEqualTo(List.of("zero", "one", "two", "ten"));
    }

    @Test
    void keepsNonIndexKeysAsAnObject() {
        Map<String, Object> form = parse("meta[color]=red&meta[size]=L");

        assertThat(form.get("meta")).isEqualTo(Map.of("color", "red", "size", "L"));
    }

    @Test
    void keepsObjectWhenIndexKeysAreMixedWithNames() {
        assertThat(parse("a[0]=x&a[name]=y").get("a")).isEqualTo(Map.of("0", "x", "name", "y"));
    }

    @Test
    void acceptsNestingUpToTheMaximumDepth() {
        Map<String, Object> form = parse("a[b][c][d][e]=deep");

        assertThat(form).isEqualTo(Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", "deep"))))));
    }

    @Test
    void refusesNestingDeeperThanTheMaximum() {
        assertThatThrownBy(() -> parse("a[b][c][d][e][f]=too-deep"))
                .isInstanceOf(BracketForm.MalformedFormException.class)
                .hasMessageContaining("a[b][c][d][e][f]");
    }

    @Test
    void refusesAValueAndAnObjectUnderOneName() {
        assertThatThrownBy(() -> parse("a=1&a[b]=2"))
                .isInstanceOf(BracketForm.MalformedFormException.class)
                .hasMessageContaining("'a'");
    }

    @Test
    void refusesAnObjectAndThenAValueUnderOneName() {
        assertThatThrownBy(() -> parse("a[b]=2&a=1"))
                .isInstanceOf(BracketForm.MalformedFormException.class);
    }

    @Test
    void refusesTheSameParameterTwice() {
        assertThatThrownBy(() -> parse("amount=1&amount=2"))
                .isInstanceOf(BracketForm.MalformedFormException.class)
                .hasMessageContaining("given twice");
    }

    @Test
    void refusesTheSameNestedParameterTwice() {
        assertThatThrownBy(() -> parse("toValues[0][key]=a&toValues%5B0%5D%5Bkey%5D=b"))
                .isInstanceOf(BracketForm.MalformedFormException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount=%zz", "amount=50%", "am%GGount=1", "a=%E"})
    void refusesBadPercentEncoding(String body) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(BracketForm.MalformedFormException.class)
                .hasMessageContaining("percent-encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a[0=x", "a[0]x=y", "a[0]]=y", "[0]=x", "[]=x"})
    void refusesBrokenBracketNotation(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(BracketForm.MalformedFormException.class);
    }

    @Test
    void refusesIndexesThatDenoteTheSameElement() {
        // "1" and "01" are the same list element; one of the two values would be silently lost
        assertThatThrownBy(() -> parse("a[1]=first&a[01]=second"))
                .isInstanceOf(BracketForm.MalformedFormException.class);
    }

    @Test
    void refusesAFormThatIsAListAtTheTopLevel() {
        // a body has to name its parameters; an all-index top level is not a CreateOrderRequest
        assertThatThrownBy(() -> parse("0=a&1=b")).isInstanceOf(BracketForm.MalformedFormException.class);
    }

    @Test
    void treatsIndexesAboveTheMaximumAsObjectKeys() {
        assertThat(parse("a[256]=x").get("a")).isEqualTo(Map.of("256", "x"));
        assertThat(parse("a[255]=x").get("a")).isEqualTo(List.of("x"));
    }
}
