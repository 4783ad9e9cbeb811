package dev.dbbuf.mutation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** {@code PitReport} reads the mutants of PIT's XML report ({@code outputFormats} XML). */
final class PitReport {

    private PitReport() {
    }

    static List<Mutant> read(final Path report, final MutationAudit.SourceLines sources) {
        final NodeList nodes;
        try {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            nodes = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
        } catch (final ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a PIT mutations.xml: " + report + ": " + e.getMessage(), e);
        }
        final List<Mutant> mutants = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            final Element mutation = (Element) nodes.item(i);
            final String mutatedClass = text(mutation, "mutatedClass");
            final int line = Integer.parseInt(text(mutation, "lineNumber"));
            mutants.add(new Mutant(mutatedClass, text(mutation, "mutatedMethod"), line,
                text(mutation, "description"), sources.line(mutatedClass, text(mutation, "sourceFile"), line),
                mutation.getAttribute("status"), Boolean.parseBoolean(mutation.getAttribute("detected"))));
        }
        return mutants;
    }

    private static String text(final Element parent, final String tag) {
        final NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
