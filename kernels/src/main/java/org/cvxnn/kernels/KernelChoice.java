package org.cvxnn.kernels;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of the system property {@value Kernels#PROPERTY}. */
enum KernelChoice {
    AUTO, VECTOR, SCALAR;

    /**
     * Parses a property value (case-insensitive, surrounding blanks ignored); {@code null} means
     * {@link #AUTO}.
     *
     * @throws IllegalArgumentException naming the property and the accepted values
     */
    static KernelChoice parse(String value) {
        if (value == null) return AUTO;
        String v = value.strip().toUpperCase(Locale.ROOT);
        for (KernelChoice c : values()) {
            if (c.name().equals(v)) return c;
        }
        throw new IllegalArgumentException("system property " + Kernels.PROPERTY + " = '" + value
                + "' is not supported; use one of " + accepted());
    }

    private static String accepted() {
        return Arrays.stream(values())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
