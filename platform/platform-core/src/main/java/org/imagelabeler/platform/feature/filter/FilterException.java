package org.imagelabeler.platform.feature.filter;

import java.util.stream.Collectors;
import org.imagelabeler.platform.feature.AttributeDescriptor;
import org.imagelabeler.platform.feature.FeatureType;

/**
 * A filter that cannot be parsed, evaluated or translated: malformed, naming an unknown property,
 * with a literal that does not read as its property's type, or using an operator not supported
 * here. WFS reports it as an OWS exception ({@code InvalidParameterValue} or
 * {@code OperationProcessingFailed}) with {@link #locator()}.
 */
public class FilterException extends RuntimeException {

    private final String locator;

    /** @param locator what the error is about: the property, the operator, or the KVP parameter */
    public FilterException(String message, String locator) {
        super(message);
        this.locator = locator;
    }

    public FilterException(String message, String locator, Throwable cause) {
        super(message, cause);
        this.locator = locator;
    }

    public String locator() {
        return locator;
    }

    static FilterException unknownProperty(FeatureType type, String name) {
        String known = type.attributes().stream().map(AttributeDescriptor::name).collect(Collectors.joining(", "));
        return new FilterException(
                "unknown property '" + name + "' of type " + type.name() + "; known: " + known, name);
    }

    static AttributeDescriptor attribute(FeatureType type, String name) {
        return type.attribute(name).orElseThrow(() -> unknownProperty(type, name));
    }
}
