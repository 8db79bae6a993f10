package ai.osvi.gate.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A body's bytes as text, decoded once, in the encoding its first bytes show as JSON (RFC 8259, and Jackson's
 * {@code ByteSourceJsonBootstrapper}) reads them: a byte-order mark, else the zero bytes around the first character
 * (which JSON keeps in ASCII) tell UTF-32 and UTF-16 and their byte order; anything else is UTF-8. Parsing this text
 * rather than the bytes leaves the parser nothing to decode for itself, so that what the token's redaction saw is all
 * that any message, excerpt or report can quote.
 *
 * @param encoding the encoding detected, e.g. "UTF-16LE"
 * @param text     the text without its byte-order mark, or {@code null} when the bytes are not well-formed in that
 *                 encoding (or in a byte order no decoder reads): such a body is never quoted
 */
record BodyText(String encoding, String text) {

    static BodyText decode(byte[] body) {
        int first4 = body.length < 4
                ? -1
                : (body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | body[3] & 0xff;
        int first2 = body.length < 2 ? -1 : (body[0] & 0xff) << 8 | body[1] & 0xff;
        if (first4 == 0x0000feff) {
            return decode(body, 4, Charset.forName("UTF-32BE"));
        }
        if (first4 == 0xfffe0000) {
            return decode(body, 4, Charset.forName("UTF-32LE"));
        }
        if (first4 == 0x0000fffe || first4 == 0xfeff0000) {
            return new BodyText("UCS-4 in an unusual byte order", null);
        }
        if (first2 == 0xfeff) {
            return decode(body, 2, StandardCharsets.UTF_16BE);
        }
        if (first2 == 0xfffe) {
            return decode(body, 2, StandardCharsets.UTF_16LE);
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return decode(body, 3, StandardCharsets.UTF_8);
        }
        if (first4 != -1 && (first4 >>> 8) == 0) {
            return decode(body, 0, Charset.forName("UTF-32BE"));
        }
        if (first4 != -1 && (first4 & 0x00ffffff) == 0) {
            return decode(body, 0, Charset.forName("UTF-32LE"));
        }
        if (first4 != -1 && ((first4 & ~0x00ff0000) == 0 || (first4 & ~0x0000ff00) == 0)) {
            return new BodyText("UCS-4 in an unusual byte order", null);
        }
        if (first2 != -1 && (first2 & 0xff00) == 0) {
            return decode(body, 0, StandardCharsets.UTF_16BE);
        }
        if (first2 != -1 && (first2 & 0x00ff) == 0) {
            return decode(body, 0, StandardCharsets.UTF_16LE);
        }
        return decode(body, 0, StandardCharsets.UTF_8);
    }

    private static BodyText decode(byte[] body, int byteOrderMark, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, byteOrderMark, body.length - byteOrderMark))
                    .toString();
            return new BodyText(charset.name(), text);
        } catch (CharacterCodingException e) {
            return new BodyText(charset.name(), null);
        }
    }

    boolean decoded() {
        return text != null;
    }

    /** This text with {@code redactor} applied to the whole of it. */
    BodyText redacted(UnaryOperator<String> redactor) {
        return text == null ? this : new BodyText(encoding, redactor.apply(text));
    }

    /** What a message says of a body that could not be decoded: its encoding, never its content. */
    String undecodable() {
        return "the body is not well-formed " + encoding + " (the encoding its first bytes show); not quoted";
    }
}
