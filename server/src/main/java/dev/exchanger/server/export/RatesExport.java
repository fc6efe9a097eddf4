package dev.exchanger.server.export;

import dev.exchanger.server.route.CurrencyRepository;
import dev.exchanger.server.route.RouteRepository;
import dev.exchanger.server.route.RouteService;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Service;

/**
 * The rates of the active routes for monitors: the items, BestChange {@code rates.xml}, hashes for
 * ETags, and the time of the catalog's latest change for Last-Modified.
 */
@Service
public class RatesExport {

    /**
     * How old the latest change must be before it is answered as Last-Modified. HTTP dates have
     * whole seconds: a change in the same second as an answer, or one whose transaction commits a
     * moment after an answer that did not see it, would otherwise carry a Last-Modified that a
     * monitor already holds, and its If-Modified-Since would get 304 until the next change.
     */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final RouteService routes;
    private final RouteRepository routeRows;
    private final CurrencyRepository currencyRows;
    private final Clock clock;

    public RatesExport(RouteService routes, RouteRepository routeRows, CurrencyRepository currencyRows, Clock clock) {
        this.routes = routes;
        this.routeRows = routeRows;
        this.currencyRows = currencyRows;
        this.clock = clock;
    }

    /**
     * The latest change to any route or currency (a route switched off included), once it is
     * {@link #SETTLED}; null before, or when there is none. Read it before the items: then an answer
     * never claims a time later than what its items show.
     */
    Instant settledLastModified() {
        Instant route = routeRows.lastUpdatedAt();
        Instant currency = currencyRows.lastUpdatedAt();
        Instant latest = route == null ? currency : currency == null ? route : (route.isAfter(currency) ? route : currency);
        if (latest == null || clock.instant().isBefore(latest.plus(SETTLED))) {
            return null;
        }
        return latest;
    }

    /** One item per active route, in route order. */
    List<RateItem> items() {
        return routes.listActive(null, null).stream().map(RateItem::of).toList();
    }

    /** BestChange {@code rates.xml} of these items, UTF-8 with its declaration. */
    static byte[] xml(List<RateItem> items) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rates");
            for (RateItem item : items) {
                xml.writeCharacters("\n");
                xml.writeStartElement("item");
                String[] values = item.values();
                for (int i = 0; i < values.length; i++) {
                    xml.writeStartElement(RateItem.FIELDS[i]);
                    xml.writeCharacters(values[i]);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (!items.isEmpty()) {
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write rates.xml", e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

}
