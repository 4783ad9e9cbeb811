package dev.dbbuf.adapter.nativeabi.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
