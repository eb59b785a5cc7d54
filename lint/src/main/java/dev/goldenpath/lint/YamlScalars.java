package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plain scalars resolved to values as Kubernetes reads them: {@code sigs.k8s.io/yaml} decodes YAML with go-yaml v2
 * (YAML 1.1 rules) into untyped values and converts them to JSON. So {@code privileged: yes} is {@code true},
 * {@code runAsUser: 0x0} is {@code 0}, {@code 08} is the number 8, {@code !!binary} values are their decoded text,
 * and quoted scalars stay strings. Values are reported as problems, never quoted: they may be secrets.
 */
final class YamlScalars {

    private static final String TAG = "tag:yaml.org,2002:";
    private static final String STR = TAG + "str";
    private static final String BOOL = TAG + "bool";
    private static final String INT = TAG + "int";
    private static final String FLOAT = TAG + "float";
    private static final String NULL = TAG + "null";
    private static final String TIMESTAMP = TAG + "timestamp";
    private static final String BINARY = TAG + "binary";
    static final String MERGE = TAG + "merge";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Object NULL_VALUE = new Object();
    /** go-yaml v2's resolve table: YAML 1.1 booleans, nulls and special floats. */
    private static final Map<String, Object> WORDS = words();
    private static final int WORD_LENGTH = WORDS.keySet().stream().mapToInt(String::length).max().orElse(0);
    /** go-yaml v2's yamlStyleFloat. */
    private static final Pattern FLOAT_SYNTAX = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern GO_DECIMAL_FLOAT = Pattern.compile(
            "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP_PREFIX = Pattern.compile("[0-9]{4}-.*", Pattern.DOTALL);

    private YamlScalars() {
    }

    /** A scalar that Kubernetes' reader refuses. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private static Map<String, Object> words() {
        Map<String, Object> words = new HashMap<>();
        for (String word : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            words.put(word, Boolean.TRUE);
        }
        for (String word : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            words.put(word, Boolean.FALSE);
        }
        for (String word : new String[] {"", "~", "null", "Null", "NULL"}) {
            words.put(word, NULL_VALUE);
        }
        for (String word : new String[] {".nan", ".NaN", ".NAN"}) {
            words.put(word, Double.NaN);
        }
        for (String word : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            words.put(word, Double.POSITIVE_INFINITY);
        }
        for (String word : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            words.put(word, Double.NEGATIVE_INFINITY);
        }
        return Map.copyOf(words);
    }

    /**
     * The value of a scalar: a String, Boolean, Long, BigInteger, Double, or {@code null} for YAML's null.
     *
     * @param tag   the resolved tag, or {@code null} when the scalar has none
     * @param plain whether the scalar is plain (unquoted, not a block scalar)
     */
    static Object value(String tag, boolean plain, String text) {
        if (tag == null && !plain || "!".equals(tag)) {
            return text; // quoted and block scalars are strings
        }
        if (BINARY.equals(tag)) {
            return binary(text);
        }
        if (tag != null && !tag.equals(STR) && !tag.equals(BOOL) && !tag.equals(INT) && !tag.equals(FLOAT)
                && !tag.equals(NULL) && !tag.equals(TIMESTAMP)) {
            return text; // other tags (!!merge as a value, custom !tags) leave the text as it is
        }
        if (STR.equals(tag)) {
            return text;
        }
        Object resolved = implicit(text, tag == null || TIMESTAMP.equals(tag));
        if (tag == null) {
            return resolved == NULL_VALUE ? null : resolved;
        }
        String resolvedTag = tagOf(resolved, text);
        if (resolvedTag.equals(tag)) {
            return resolved == NULL_VALUE ? null : resolved;
        }
        if (FLOAT.equals(tag) && INT.equals(resolvedTag)) {
            return ((Number) resolved).doubleValue();
        }
        throw new Problem("a scalar tagged !!" + tag.substring(TAG.length()) + " does not hold a "
                + tag.substring(TAG.length()) + " value");
    }

    private static String tagOf(Object resolved, String text) {
        if (resolved == NULL_VALUE) {
            return NULL;
        } else if (resolved instanceof Boolean) {
            return BOOL;
        } else if (resolved instanceof Double) {
            return FLOAT;
        } else if (resolved instanceof Number) {
            return INT;
        }
        return timestamp(text) ? TIMESTAMP : STR;
    }

    private static Object implicit(String text, boolean timestamps) {
        // Names, images and paths are longer than any word: most scalars skip the table.
        Object word = text.length() <= WORD_LENGTH ? WORDS.get(text) : null;
        if (word != null) {
            return word;
        }
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '.') {
            return GO_DECIMAL_FLOAT.matcher(text).matches() ? finite(Double.parseDouble(text), text) : text;
        }
        if (first != '+' && first != '-' && (first < '0' || first > '9')) {
            return text;
        }
        if (timestamps && timestamp(text)) {
            return text; // go-yaml v2 keeps timestamps as strings when decoding into untyped values
        }
        if (decimalLong(text)) {
            return Long.parseLong(text); // ports, replicas, user ids: the common numbers, without BigInteger
        }
        String plain = text.replace("_", "");
        BigInteger integer = goParseInt(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
            if (integer.signum() > 0 && integer.compareTo(UINT64_MAX) <= 0 && first != '+') {
                return integer;
            }
        }
        if (FLOAT_SYNTAX.matcher(plain).matches()) {
            return finite(Double.parseDouble(plain), text);
        }
        return text;
    }

    /**
     * A decimal integer that fits a long and that go-yaml reads as written: an optional sign, then no leading zero
     * (a leading zero makes it octal), at most 18 digits.
     */
    private static boolean decimalLong(String text) {
        int start = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 18 || (text.charAt(start) == '0' && digits > 1)) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Go's ParseFloat refuses values out of range; go-yaml then keeps the text. */
    private static Object finite(double value, String text) {
        return Double.isInfinite(value) ? text : value;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} syntax: sign, then 0x, 0o, 0b or a leading 0 (octal) prefix. */
    private static BigInteger goParseInt(String text) {
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        String body = text.substring(start);
        int radix = 10;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char prefix = Character.toLowerCase(body.charAt(1));
            radix = prefix == 'x' ? 16 : prefix == 'b' ? 2 : 8;
            body = body.substring(prefix == 'x' || prefix == 'b' || prefix == 'o' ? 2 : 1);
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c > 'z' || Character.digit(c, radix) < 0) {
                return null; // ASCII digits of the radix only
            }
        }
        BigInteger value = new BigInteger(body, radix);
        return text.startsWith("-") ? value.negate() : value;
    }

    /** go-yaml v2's timestamp formats all start with a four-digit year and a dash. */
    private static boolean timestamp(String text) {
        if (text.length() < 5 || text.charAt(4) != '-') {
            return false; // every format starts with "YYYY-"; most numbers are shorter or have no dash there
        }
        return TIMESTAMP_PREFIX.matcher(text).matches()
                && text.matches("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]+)?"
                + "(Z|[+-][0-9]{2}:[0-9]{2})?)?");
    }

    private static String binary(String text) {
        String base64 = text.replace("\n", "").replace("\r", "");
        try {
            if (base64.length() % 4 != 0) {
                throw new IllegalArgumentException("unpadded");
            }
            // Go turns the bytes into a string; JSON encoding replaces invalid UTF-8 as new String does.
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Problem("!!binary value contains invalid base64 data");
        }
    }

    /** The JSON value Kubernetes gets: integral floats become integers as Go's JSON encoder writes them. */
    static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        } else if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        } else if (value instanceof Long number) {
            return number == number.intValue() ? NODES.numberNode(number.intValue()) : NODES.numberNode(number);
        } else if (value instanceof BigInteger number) {
            return NODES.numberNode(number);
        }
        double number = (Double) value;
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new Problem("a value of .nan or .inf has no JSON form; Kubernetes refuses the document");
        }
        if (number == Math.rint(number) && Math.abs(number) < 0x1p63) {
            return node((long) number);
        }
        return NODES.numberNode(number);
    }

    /** A mapping key as {@code sigs.k8s.io/yaml} turns it into a JSON field name. */
    static String key(Object value) {
        if (value == null) {
            throw new Problem("a mapping key is null, which JSON cannot represent");
        } else if (value instanceof String text) {
            return text;
        } else if (value instanceof Double number) {
            return goFloat32(number);
        }
        return value.toString();
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, with YAML's names for infinities and NaN. */
    static String goFloat32(double value) {
        if (Double.isNaN(value)) {
            return ".nan";
        } else if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        float single = (float) value;
        if (single == 0) {
            return (1 / single) < 0 ? "-0" : "0";
        }
        BigDecimal decimal = new BigDecimal(Float.toString(single)).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = decimal.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        return decimal.toPlainString();
    }
}
