package dev.exchanger.server.export;

import dev.exchanger.server.route.RouteService;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Service;

/** The rates of the active routes for monitors: the items, BestChange {@code rates.xml}, and hashes for ETags. */
@Service
public class RatesExport {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final RouteService routes;

    public RatesExport(RouteService routes) {
        this.routes = routes;
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

    /** The lower-case hex SHA-256 of these bytes. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
