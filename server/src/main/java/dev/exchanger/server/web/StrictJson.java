package dev.exchanger.server.web;

import dev.exchanger.server.support.ControlCharacters;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

/**
 * What every request body must be before a handler sees it, JSON and bracket form alike (the
 * form is converted by the same mapper):
 * <ul>
 * <li>no key given twice ({@code {"amount": 1, "amount": 2}}): which one a reader takes differs
 * from parser to parser, so a proxy or a signature check and this server could read two
 * different orders from one body;</li>
 * <li>no control character in any string ({@link ControlCharacters});</li>
 * <li>no list longer than its {@code maxItems}, checked as it is read: validating 16,000
 * elements one by one to then refuse the list costs a CPU-second per request;</li>
 * <li>a decimal sent as a string ({@code "amount": "0.3"}) only in the spec's plain form, digits
 * with one optional point ({@link DecimalText}); a JSON number is read as the decimal it is
 * written as.</li>
 * </ul>
 * Each is a 400 naming the parameter.
 */
final class StrictJson {

    /**
     * Properties that hold free text over several lines: the operator's comment on a status
     * change, and a currency's payment instructions.
     */
    static final Set<String> MULTILINE = Set.of("comment", "instructions");

    private StrictJson() {
    }

    static void apply(JsonMapper.Builder builder) {
        SimpleModule module = new SimpleModule("strict-input");
        module.addDeserializer(String.class, new PlainText(false));
        module.addDeserializer(BigDecimal.class, new DecimalText());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                return new BoundedCollection(deserializer, Integer.MAX_VALUE);
            }
        });
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(module);
    }

    /** A key given twice in a JSON object: Jackson's own message, recognised by its words. */
    static String duplicateKey(Throwable e) {
        String message = e.getMessage();
        String marker = "Duplicate Object property \"";
        int start = message == null ? -1 : message.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int end = message.indexOf('"', start + marker.length());
        return end < 0 ? null : message.substring(start + marker.length(), end);
    }

    /** A value that is the wrong kind of input for us, with the words to say so. */
    static final class RefusedValueException extends MismatchedInputException {
        private final String err;
        private final String detail;

        RefusedValueException(JsonParser parser, String err, String detail) {
            super(parser, detail);
            this.err = err;
            this.detail = detail;
        }

        String err() {
            return err;
        }

        String detail() {
            return detail;
        }
    }

    /** Strings without control characters; tab and line breaks only in {@link #MULTILINE} properties. */
    private static final class PlainText extends StringDeserializer {
        private final boolean multiline;

        PlainText(boolean multiline) {
            this.multiline = multiline;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean wanted = property != null && MULTILINE.contains(property.getName());
            return wanted == multiline ? this : new PlainText(wanted);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            int bad = value == null ? -1 : ControlCharacters.firstForbidden(value, multiline);
            if (bad >= 0) {
                throw new RefusedValueException(p, "format",
                        "contains a control character (" + ControlCharacters.describe(value, bad) + ")");
            }
            return value;
        }
    }

    /** A collection refused as soon as it is read with more elements than its {@code @Size(max)}. */
    private static final class BoundedCollection extends DelegatingDeserializer {
        private final int max;

        BoundedCollection(ValueDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new BoundedCollection(delegate, max);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            BoundedCollection contextual = (BoundedCollection) super.createContextual(ctxt, property);
            Size size = property != null ? property.getAnnotation(Size.class) : null;
            int limit = size != null ? size.max() : contextual.max;
            return limit == contextual.max ? contextual : new BoundedCollection(contextual._delegatee, limit);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> collection && collection.size() > max) {
                throw new RefusedValueException(p, "max", "more than " + max + " items");
            }
            return value;
        }
    }

    /**
     * A {@code BigDecimal} from a JSON number, exactly as written, or from a string in the spec's
     * {@code DecimalAmount} form ({@code 0.3}, {@code 2}): no sign, exponent, blank or leading
     * zero, which {@code new BigDecimal(text)} would take.
     */
    static final class DecimalText extends StdScalarDeserializer<BigDecimal> {
        private static final Pattern PLAIN = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]+)?");

        DecimalText() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                return p.getDecimalValue();
            }
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                String text = p.getValueAsString();
                if (text.isEmpty()) {
                    return null;
                }
                if (PLAIN.matcher(text).matches()) {
                    return new BigDecimal(text);
                }
                throw ctxt.weirdStringException(text, BigDecimal.class, "not a plain decimal");
            }
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }
}
