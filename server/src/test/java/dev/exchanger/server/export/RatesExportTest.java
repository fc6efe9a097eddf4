package dev.exchanger.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.exchanger.server.testing.ApiTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** The rates export for monitors on the demo routes of V2, each answer held to the spec. */
class RatesExportTest extends ApiTest {

    static final String XML = "/service/export/xml";
    static final String JSON_EXPORT = "/service/export/json";
    static final String[] FIELDS = {"from", "to", "in", "out", "amount", "minamount", "maxamount",
            "frommin", "frommax", "tomin", "tomax"};

    /** The items of rates.xml, each as its fields in document order. */
    static List<Map<String, String>> items(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("rates");
        List<Map<String, String>> items = new ArrayList<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element item) {
                assertThat(item.getTagName()).isEqualTo("item");
                Map<String, String> fields = new LinkedHashMap<>();
                for (Node field = item.getFirstChild(); field != null; field = field.getNextSibling()) {
                    if (field instanceof Element e) {
                        fields.put(e.getTagName(), e.getTextContent());
                    }
                }
                items.add(fields);
            }
        }
        return items;
    }

    static Map<String, String> item(List<Map<String, String>> items, String from, String to) {
        return items.stream().filter(i -> i.get("from").equals(from) && i.get("to").equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + from + " -> " + to + " in " + items));
    }

    private Reply xml() throws Exception {
        Reply reply = strict(get(XML));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply;
    }

    private String rate(String routeId) {
        return jdbc.queryForObject("select rate from route where id = ?", BigDecimal.class, routeId).toPlainString();
    }

    @Test
    void ratesXmlHasOneItemPerActiveRouteFormattedByScale() throws Exception {
        Reply reply = xml();

        assertThat(reply.header("Content-Type")).isEqualTo("application/xml;charset=UTF-8");
        assertThat(reply.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(reply.header("ETag")).matches("^\"[0-9a-f]{64}\"$");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-cache");
        // the latest change of the catalog, an HTTP date, once it is two seconds old (absent before)
        if (reply.header("Last-Modified") != null) {
            assertThat(java.time.ZonedDateTime.parse(reply.header("Last-Modified"), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
                    .isBefore(java.time.ZonedDateTime.now());
        }
        List<Map<String, String>> items = items(reply.bytes());
        assertThat(items).hasSize((int) count("select count(*) from route where active"));
        assertThat(items).allSatisfy(item -> assertThat(item.keySet()).containsExactly(FIELDS));
        assertThat(item(items, "ETH", "WMZ")).containsExactlyEntriesOf(orderedMap(
                "from", "ETH", "to", "WMZ", "in", "1", "out", "158.71", "amount", "25000",
                "minamount", "0.01 ETH", "maxamount", "50 ETH", "frommin", "0.01", "frommax", "50",
                // 0.01 x 158.71 = 1.5871, rounded down to WMZ's 2 decimals; 50 x 158.71 = 7935.5
                "tomin", "1.58", "tomax", "7935.5"));
        // the fee route: what the client receives at the limits is after 0.5 % and 1 USDT
        Map<String, String> btc = item(items, "BTC", "USDTTRC20");
        assertThat(btc.get("out")).isEqualTo("64250.5");
        assertThat(btc.get("minamount")).isEqualTo("0.0005 BTC");
        assertThat(new BigDecimal(btc.get("tomin"))).isLessThan(new BigDecimal("0.0005").multiply(new BigDecimal("64250.5")));
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void ratesXmlValidatesAgainstTheBestChangeShape() throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(new ClassPathResource("export/bestchange-rates.xsd").getInputStream()));

        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml().bytes())));
    }

    @Test
    void aSwitchedOffRouteDisappears() throws Exception {
        int before = items(xml().bytes()).size();
        jdbc.update("update route set active = false where id = ?", ETH_WMZ);
        try {
            List<Map<String, String>> items = items(xml().bytes());
            assertThat(items).hasSize(before - 1)
                    .noneMatch(i -> i.get("from").equals("ETH") && i.get("to").equals("WMZ"));
            assertThat(strict(get(JSON_EXPORT)).data()).hasSize(before - 1);
        } finally {
            jdbc.update("update route set active = true where id = ?", ETH_WMZ);
        }
        assertThat(items(xml().bytes())).hasSize(before);
    }

    @Test
    void aRateChangeChangesTheBodyAndTheEtag() throws Exception {
        Reply before = xml();
        String rate = rate(ETH_WMZ);
        jdbc.update("update route set rate = 160.5 where id = ?", ETH_WMZ);
        try {
            Reply after = xml();
            assertThat(after.text()).isNotEqualTo(before.text());
            assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
            assertThat(item(items(after.bytes()), "ETH", "WMZ").get("out")).isEqualTo("160.5");
            // the old ETag no longer matches
            Reply stale = strict(get(XML).header("If-None-Match", before.header("ETag")));
            assertThat(stale.status()).isEqualTo(200);
            assertThat(stale.header("ETag")).isEqualTo(after.header("ETag"));
        } finally {
            jdbc.update("update route set rate = ?::numeric where id = ?", rate, ETH_WMZ);
        }
        assertThat(xml().header("ETag")).isEqualTo(before.header("ETag"));
    }

    @Test
    void aRateBelowOneIsGivenAsInForOne() throws Exception {
        String rate = rate(ETH_WMZ);
        jdbc.update("update route set rate = 0.003 where id = ?", ETH_WMZ);
        try {
            Map<String, String> item = item(items(xml().bytes()), "ETH", "WMZ");
            // 1 / 0.003 = 333.333..., rounded up to ETH's 8 decimals: the client gives at least that
            assertThat(item.get("in")).isEqualTo("333.33333334");
            assertThat(item.get("out")).isEqualTo("1");
            JsonNode json = jsonItem(strict(get(JSON_EXPORT)).data(), "ETH", "WMZ");
            assertThat(json.path("in").asString()).isEqualTo("333.33333334");
        } finally {
            jdbc.update("update route set rate = ?::numeric where id = ?", rate, ETH_WMZ);
        }
    }

    @Test
    void aMonitorThatAsksForTextXmlGetsTextXml() throws Exception {
        Reply applicationXml = xml();
        Reply textXml = strict(get(XML).header("Accept", "text/xml"));
        Reply preferred = strict(get(XML).header("Accept", "application/xml;q=0.5, text/xml"));
        Reply anything = strict(get(XML).header("Accept", "*/*"));

        assertThat(textXml.status()).isEqualTo(200);
        assertThat(textXml.header("Content-Type")).isEqualTo("text/xml;charset=UTF-8");
        assertThat(textXml.text()).isEqualTo(applicationXml.text());
        assertThat(textXml.header("ETag")).isEqualTo(applicationXml.header("ETag"));
        assertThat(textXml.header("Vary")).contains("Accept");
        assertThat(preferred.header("Content-Type")).isEqualTo("text/xml;charset=UTF-8");
        assertThat(anything.header("Content-Type")).isEqualTo("application/xml;charset=UTF-8");
        assertThat(strict(get(XML).header("Accept", "text/xml").header("If-None-Match", textXml.header("ETag"))).status())
                .isEqualTo(304);
    }

    @Test
    void aChangeMadeWithSqlMovesTheRoutesModificationTimeToo() throws Exception {
        java.sql.Timestamp before = jdbc.queryForObject("select updated_at from route where id = ?", java.sql.Timestamp.class, ETH_WMZ);
        String rate = rate(ETH_WMZ);
        jdbc.update("update route set rate = 160.5 where id = ?", ETH_WMZ);
        try {
            java.sql.Timestamp after = jdbc.queryForObject("select updated_at from route where id = ?", java.sql.Timestamp.class, ETH_WMZ);
            assertThat(after).isAfter(before);
        } finally {
            jdbc.update("update route set rate = ?::numeric where id = ?", rate, ETH_WMZ);
        }
    }

    @Test
    void theSameEtagGets304WithNoBody() throws Exception {
        Reply first = xml();

        Reply second = strict(get(XML).header("If-None-Match", first.header("ETag")));

        assertThat(second.status()).isEqualTo(304);
        assertThat(second.bytes()).isEmpty();
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void theJsonTwinHasTheSameItemsAndItsOwnEtag() throws Exception {
        List<Map<String, String>> xmlItems = items(xml().bytes());
        Reply json = strict(get(JSON_EXPORT));

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().path("success").asBoolean()).isTrue();
        List<Map<String, String>> jsonItems = new ArrayList<>();
        json.data().forEach(node -> {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                fields.put(field, node.path(field).asString());
            }
            jsonItems.add(fields);
        });
        assertThat(jsonItems).isEqualTo(xmlItems);
        assertThat(json.header("ETag")).matches("^W/\"[0-9a-f]{64}\"$");
        assertThat(json.header("Cache-Control")).isEqualTo("no-cache");

        Reply again = strict(get(JSON_EXPORT).header("If-None-Match", json.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
    }

    private static JsonNode jsonItem(JsonNode data, String from, String to) {
        for (JsonNode node : data) {
            if (node.path("from").asString().equals(from) && node.path("to").asString().equals(to)) {
                return node;
            }
        }
        throw new AssertionError("no item " + from + " -> " + to);
    }
}
