package ai.osvi.gate.log;

/** How verdict words look in the log: plain, or coloured with ANSI escapes when the output is a terminal. */
public interface Style {

    /** Marks a good word (PASS). */
    String good(String text);

    /** Marks a bad word (FAIL, ERROR...). */
    String bad(String text);

    /** Marks a word that is neither (a warning). */
    String warning(String text);

    /** Whether the console's encoding shows Unicode block characters (▁▂▃▄▅▆▇█); ASCII stands in where it does not. */
    default boolean unicode() {
        return true;
    }

    /** This style with {@code unicode} as the answer to {@link #unicode()}. */
    default Style withUnicode(boolean unicode) {
        Style words = this;
        return new Style() {
            @Override
            public String good(String text) {
                return words.good(text);
            }

            @Override
            public String bad(String text) {
                return words.bad(text);
            }

            @Override
            public String warning(String text) {
                return words.warning(text);
            }

            @Override
            public boolean unicode() {
                return unicode;
            }
        };
    }

    Style PLAIN = new Style() {
        @Override
        public String good(String text) {
            return text;
        }

        @Override
        public String bad(String text) {
            return text;
        }

        @Override
        public String warning(String text) {
            return text;
        }
    };

    Style ANSI = new Style() {
        @Override
        public String good(String text) {
            return "\u001b[1;32m" + text + "\u001b[m";
        }

        @Override
        public String bad(String text) {
            return "\u001b[1;31m" + text + "\u001b[m";
        }

        @Override
        public String warning(String text) {
            return "\u001b[1;33m" + text + "\u001b[m";
        }
    };
}
