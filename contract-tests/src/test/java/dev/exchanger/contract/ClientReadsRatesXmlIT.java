package dev.exchanger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.exchanger.client.ApiClient;
import dev.exchanger.client.api.ExportApi;
import dev.exchanger.client.model.RateItem;
import dev.exchanger.client.model.Rates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The generated Java client reads rates.xml from the real server into its {@code Rates} model,
 * given the one thing the spec's {@code xml} names ask of it: an XML mapper in place of the JSON
 * one that does not expect wrapped lists ({@code item} repeats directly under {@code rates}).
 */
@ServerUnderTest
@org.junit.jupiter.api.Order(2)
class ClientReadsRatesXmlIT {

    @LocalServerPort
    int port;

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client;
    }

    @Test
    void readsRatesXmlIntoTheGeneratedModelWithAnXmlMapper() throws Exception {
        ApiClient xml = client().setObjectMapper(XmlMapper.builder()
                .defaultUseWrapper(false)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());

        Rates rates = new ExportApi(xml).exportRatesXml(null, null);
        List<RateItem> json = new ExportApi(client()).exportRatesJson(null, null).getData();

        assertThat(rates.getItem()).isNotEmpty().hasSameSizeAs(json);
        assertThat(rates.getItem()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(json);
        RateItem ethWmz = rates.getItem().stream().filter(i -> i.getFrom().equals("ETH") && i.getTo().equals("WMZ"))
                .findFirst().orElseThrow();
        assertThat(ethWmz.getIn()).isEqualTo("1");
        assertThat(ethWmz.getMinamount()).endsWith(" ETH");
    }
}
