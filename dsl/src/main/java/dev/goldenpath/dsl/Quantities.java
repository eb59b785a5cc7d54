package dev.goldenpath.dsl;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 250m}, {@code 64Mi}, {@code 1.5}, {@code 1e3}), parsed exactly. */
final class Quantities {

    // apimachinery resource.Quantity: <signedNumber><suffix>, suffix binary (Ki..Ei), decimal (n..E) or exponent.
    private static final Pattern QUANTITY =
            Pattern.compile("^(?<number>[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");

    private static final Map<String, BigDecimal> MULTIPLIERS = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    private Quantities() {
    }

    /** The quantity's exact value, or empty when the text is not a non-negative Kubernetes quantity. */
    static Optional<BigDecimal> parse(String text) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group("number").endsWith(".") ? m.group("number") + "0" : m.group("number"));
        String suffix = m.group("suffix");
        if (suffix == null) {
            return Optional.of(number);
        }
        if (suffix.startsWith("e") || suffix.startsWith("E") && suffix.length() > 1) {
            return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1))));
        }
        return Optional.of(number.multiply(MULTIPLIERS.get(suffix)));
    }
}
