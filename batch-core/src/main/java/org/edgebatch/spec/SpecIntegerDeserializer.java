package org.edgebatch.spec;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.math.BigDecimal;

/**
 * Reads a whole number, passing {@code 2.5}, {@code 1e12} or {@code lots} to the problem handler instead of
 * Jackson's choice of truncating or stopping, so such a value is reported with the spec's other problems.
 */
final class SpecIntegerDeserializer extends StdScalarDeserializer<Integer> {

    SpecIntegerDeserializer() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return whole(parser.getDecimalValue(), parser.getNumberValue(), context);
        }
        if (token == JsonToken.VALUE_STRING) {
            // Text that is a number is reported as that number, so "chunkSize=9.5" on the command line reads as 9.5 in a file.
            String text = parser.getString().strip();
            BigDecimal number;
            try {
                number = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return (Integer) context.handleWeirdStringValue(Integer.class, text, "not a whole number");
            }
            return whole(number, number, context);
        }
        return (Integer) context.handleUnexpectedToken(Integer.class, parser);
    }

    private static Integer whole(BigDecimal value, Number written, DeserializationContext context) {
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return (Integer) context.handleWeirdNumberValue(Integer.class, written, "not a whole number in int range");
        }
    }
}
