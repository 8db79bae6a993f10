package ai.osvi.gate.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * The bytes of a status body as the API sent them, kept so that the report can show the API's own {@code data}
 * verbatim without the parser decoding what the gate does not read. Wraps the array without copying it (a body may
 * be megabytes, and is parsed on every poll): whoever wraps it must not change it afterwards, and this class only
 * hands out read-only views. Equality is identity.
 */
public final class RawBody {

    private final byte[] bytes;

    private RawBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps {@code bytes}, which the caller must not change afterwards. */
    public static RawBody wrap(byte[] bytes) {
        if (bytes == null) {
            throw new NullPointerException("bytes");
        }
        return new RawBody(bytes);
    }

    public int length() {
        return bytes.length;
    }

    /** A new stream over the bytes, from the first. */
    public InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public String toString() {
        return "RawBody[" + bytes.length + " bytes]";
    }
}
