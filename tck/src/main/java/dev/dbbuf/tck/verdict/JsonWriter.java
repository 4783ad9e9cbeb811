package dev.dbbuf.tck.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code JsonWriter} writes the little JSON the verdict files need: objects, arrays, strings, numbers, with
 * two-space indentation. The caller opens and closes in order; the writer places the commas.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    /**
     * Opens an object, as a value or as a named member.
     *
     * @param name member name, or {@code null} for an array element or the root
     * @return this writer
     */
    public JsonWriter beginObject(final @Nullable String name) {
        return open(name, '{');
    }

    /**
     * Closes the innermost object.
     *
     * @return this writer
     */
    public JsonWriter endObject() {
        return close('}');
    }

    /**
     * Opens an array member.
     *
     * @param name member name
     * @return this writer
     */
    public JsonWriter beginArray(final String name) {
        return open(name, '[');
    }

    /**
     * Closes the innermost array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        return close(']');
    }

    /**
     * Writes a string member; {@code null} is written as JSON null.
     *
     * @param name  member name
     * @param value the string
     * @return this writer
     */
    public JsonWriter value(final String name, final @Nullable String value) {
        member(name);
        out.append(value == null ? "null" : quote(value));
        return this;
    }

    /**
     * Writes a number member.
     *
     * @param name  member name
     * @param value the number
     * @return this writer
     */
    public JsonWriter value(final String name, final long value) {
        member(name);
        out.append(value);
        return this;
    }

    /**
     * Writes an array member of strings.
     *
     * @param name   member name
     * @param values the strings, in order
     * @return this writer
     */
    public JsonWriter strings(final String name, final List<String> values) {
        open(name, '[');
        for (final String v : values) {
            member(null);
            out.append(quote(v));
        }
        return close(']');
    }

    /**
     * The document.
     *
     * @return the JSON text with a final newline
     */
    public String toJson() {
        return out + "\n";
    }

    private JsonWriter open(final @Nullable String name, final char bracket) {
        member(name);
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonWriter close(final char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(bracket);
        first = false;
        return this;
    }

    private void member(final @Nullable String name) {
        if (depth > 0) {
            if (!first) {
                out.append(',');
            }
            newline();
        }
        first = false;
        if (name != null) {
            out.append(quote(name)).append(": ");
        }
    }

    private void newline() {
        out.append('\n').append("  ".repeat(depth));
    }

    private static String quote(final String s) {
        final StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u%04x".formatted((int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
