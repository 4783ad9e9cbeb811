package dev.dbbuf.adapter.nativeabi.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a requirement's verdict and message from a kit verdict file.
 *
 * @param json the file's text
 */
record VerdictJson(String json) {

    static VerdictJson of(final Path file) {
        try {
            return new VerdictJson(Files.readString(file));
        } catch (final IOException e) {
            throw new UncheckedIOException("no verdict file: " + file, e);
        }
    }

    String verdict(final String id) {
        final Matcher m = Pattern.compile("\"id\": \"" + Pattern.quote(id) + "\",.*?\"verdict\": \"(\\w+)\"",
            Pattern.DOTALL).matcher(json);
        if (!m.find()) {
            throw new AssertionError("verdict file has no entry: id=" + id + "\n" + json);
        }
        return m.group(1);
    }

    // possessive: a long message must not recurse once per character
    String message(final String id) {
        final Matcher m = Pattern.compile("\"id\": \"" + Pattern.quote(id)
            + "\",.*?\"verdict\": \"\\w+\",\\s*\"message\": (null|\"((?:[^\"\\\\]|\\\\.)*+)\")", Pattern.DOTALL)
            .matcher(json);
        if (!m.find()) {
            throw new AssertionError("verdict file has no entry with a message: id=" + id + "\n" + json);
        }
        return m.group(2) == null ? "" : m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** Every requirement's verdict, in file order; a requirement's id is the first field of its entry. */
    Map<String, String> verdicts() {
        final Map<String, String> verdicts = new LinkedHashMap<>();
        final Matcher m = Pattern.compile("\\{\\s*\"id\": \"([^\"]+)\",[^{]*?\"verdict\": \"(\\w+)\"").matcher(json);
        while (m.find()) {
            verdicts.put(m.group(1), m.group(2));
        }
        return verdicts;
    }
}
