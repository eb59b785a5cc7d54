package dev.goldenpath.secrets.sealed;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader for ITU-T X.690 DER, just enough for an X.509 certificate. It exists because the
 * JDK's certificate parser refuses the sealed-secrets controller's own certificate (empty issuer DN,
 * {@code --my-cn} defaults to ""), while the DER itself is perfectly well-formed.
 *
 * <p>Strict means: definite lengths only, in their shortest form (X.690 10.1), single-byte tags
 * (X.509 uses no high tag numbers), and every element inside its parent's bounds. Anything else is a
 * {@link Malformed} with the offset, so a truncated or altered certificate is reported, not guessed at.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int BOOLEAN = 0x01;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int SEQUENCE = 0x30;

    /** Input that is not DER of the expected shape. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** One element: tag, and where its header and content lie in {@code source}. */
    record Element(int tag, byte[] source, int start, int contentStart, int end) {

        /** The whole element, header included (what a signature or a SubjectPublicKeyInfo covers). */
        byte[] encoded() {
            return Arrays.copyOfRange(source, start, end);
        }

        byte[] content() {
            return Arrays.copyOfRange(source, contentStart, end);
        }

        boolean isConstructed() {
            return (tag & 0x20) != 0;
        }

        /** The elements inside a constructed element, which must fill it exactly. */
        List<Element> children() throws Malformed {
            if (!isConstructed()) {
                throw new Malformed("element at offset " + start + " is not constructed");
            }
            List<Element> children = new ArrayList<>();
            int offset = contentStart;
            while (offset < end) {
                Element child = Der.read(source, offset, end);
                children.add(child);
                offset = child.end;
            }
            return children;
        }

        Element expect(int expectedTag, String what) throws Malformed {
            if (tag != expectedTag) {
                throw new Malformed(what + ": expected tag 0x" + Integer.toHexString(expectedTag) + " at offset "
                        + start + ", found 0x" + Integer.toHexString(tag));
            }
            return this;
        }

        BigInteger integer(String what) throws Malformed {
            expect(INTEGER, what);
            if (end == contentStart) {
                throw new Malformed(what + ": empty INTEGER at offset " + start);
            }
            return new BigInteger(content());
        }

        boolean bool(String what) throws Malformed {
            expect(BOOLEAN, what);
            // X.690 11.1: DER encodes TRUE as 0xFF only.
            if (end - contentStart != 1 || (source[contentStart] != 0 && source[contentStart] != (byte) 0xFF)) {
                throw new Malformed(what + ": not a DER BOOLEAN at offset " + start);
            }
            return source[contentStart] != 0;
        }

        /** The bytes of a BIT STRING with no unused bits (signatures and keys are whole bytes). */
        byte[] bitStringBytes(String what) throws Malformed {
            expect(BIT_STRING, what);
            if (end == contentStart || source[contentStart] != 0) {
                throw new Malformed(what + ": BIT STRING at offset " + start + " is not a whole number of bytes");
            }
            return Arrays.copyOfRange(source, contentStart + 1, end);
        }

        /** Dotted-decimal object identifier (X.690 8.19). */
        String oid(String what) throws Malformed {
            expect(OID, what);
            if (end == contentStart) {
                throw new Malformed(what + ": empty OBJECT IDENTIFIER at offset " + start);
            }
            StringBuilder dotted = new StringBuilder();
            long arc = 0;
            boolean first = true;
            for (int i = contentStart; i < end; i++) {
                int b = source[i] & 0xFF;
                if (arc == 0 && b == 0x80) {
                    throw new Malformed(what + ": OBJECT IDENTIFIER at offset " + start + " is not minimally encoded");
                }
                if (arc > (Long.MAX_VALUE >>> 7)) {
                    throw new Malformed(what + ": OBJECT IDENTIFIER arc too large at offset " + start);
                }
                arc = (arc << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    if (first) {
                        int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                        dotted.append(top).append('.').append(arc - 40L * top);
                        first = false;
                    } else {
                        dotted.append('.').append(arc);
                    }
                    arc = 0;
                } else if (i == end - 1) {
                    throw new Malformed(what + ": OBJECT IDENTIFIER at offset " + start + " is truncated");
                }
            }
            return dotted.toString();
        }

        /**
         * UTCTime or GeneralizedTime in the only forms RFC 5280 4.1.2.5 allows: seconds present, UTC
         * ("Z"), no fraction; a two-digit year of 50 or more is 19YY, below 50 is 20YY.
         */
        Instant time(String what) throws Malformed {
            String text = new String(source, contentStart, end - contentStart, StandardCharsets.US_ASCII);
            int digits = tag == UTC_TIME ? 12 : tag == GENERALIZED_TIME ? 14 : -1;
            if (digits < 0) {
                throw new Malformed(what + ": expected UTCTime or GeneralizedTime at offset " + start);
            }
            if (text.length() != digits + 1 || text.charAt(digits) != 'Z'
                    || !text.substring(0, digits).chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Malformed(what + ": time '" + text + "' at offset " + start
                        + " is not YYMMDDHHMMSSZ / YYYYMMDDHHMMSSZ (RFC 5280 4.1.2.5)");
            }
            int year;
            int at;
            if (tag == UTC_TIME) {
                int yy = Integer.parseInt(text.substring(0, 2));
                year = yy >= 50 ? 1900 + yy : 2000 + yy;
                at = 2;
            } else {
                year = Integer.parseInt(text.substring(0, 4));
                at = 4;
            }
            try {
                return LocalDateTime.of(year,
                        Integer.parseInt(text.substring(at, at + 2)),
                        Integer.parseInt(text.substring(at + 2, at + 4)),
                        Integer.parseInt(text.substring(at + 4, at + 6)),
                        Integer.parseInt(text.substring(at + 6, at + 8)),
                        Integer.parseInt(text.substring(at + 8, at + 10))).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw new Malformed(what + ": time '" + text + "' at offset " + start + " is not a date");
            }
        }
    }

    private Der() {
    }

    /** The single element that must make up all of {@code der}. */
    static Element parse(byte[] der) throws Malformed {
        Element element = read(der, 0, der.length);
        if (element.end != der.length) {
            throw new Malformed((der.length - element.end) + " bytes after the end of the DER element");
        }
        return element;
    }

    private static Element read(byte[] source, int offset, int limit) throws Malformed {
        if (offset + 2 > limit) {
            throw new Malformed("truncated: element header at offset " + offset + " runs past the end");
        }
        int tag = source[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new Malformed("high tag number at offset " + offset + " (not used by X.509)");
        }
        int first = source[offset + 1] & 0xFF;
        int contentStart = offset + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw new Malformed("indefinite length at offset " + offset + " (BER, not DER)");
        } else {
            int count = first & 0x7F;
            if (count > 4 || contentStart + count > limit) {
                throw new Malformed("truncated or oversized length at offset " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (source[contentStart + i] & 0xFF);
            }
            contentStart += count;
            // X.690 10.1: the length uses as few octets as possible, and the long form only from 128.
            if (length < 0x80 || (source[offset + 2] & 0xFF) == 0) {
                throw new Malformed("length at offset " + offset + " is not minimally encoded (BER, not DER)");
            }
        }
        if (contentStart + length > limit) {
            throw new Malformed("truncated: element at offset " + offset + " declares " + length
                    + " bytes, only " + (limit - contentStart) + " remain");
        }
        return new Element(tag, source, offset, contentStart, (int) (contentStart + length));
    }
}
