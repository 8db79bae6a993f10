package ai.osvi.gate.client;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the API's date-times with offsets ({@code 2026-06-01T10:00:00+05:30}): only {@code data.campaign.created_at}
 * is read (the uploads' dates are not decoded). The plain form is read by hand, anything else goes to
 * {@link OffsetDateTime#parse}; what neither reads is {@code null} (the date is informational).
 */
final class Dates {

    private Dates() {
    }

    static OffsetDateTime parse(String text) {
        OffsetDateTime fast = plain(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** yyyy-MM-ddTHH:mm:ss followed by Z or ±HH:mm, else null. */
    private static OffsetDateTime plain(String t) {
        int n = t.length();
        if ((n != 20 && n != 25) || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        try {
            ZoneOffset offset;
            if (n == 20) {
                if (t.charAt(19) != 'Z') {
                    return null;
                }
                offset = ZoneOffset.UTC;
            } else {
                char sign = t.charAt(19);
                if ((sign != '+' && sign != '-') || t.charAt(22) != ':') {
                    return null;
                }
                int hours = digits(t, 20, 22);
                int minutes = digits(t, 23, 25);
                offset = ZoneOffset.ofHoursMinutes(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes);
            }
            return OffsetDateTime.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13),
                    digits(t, 14, 16), digits(t, 17, 19), 0, offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
