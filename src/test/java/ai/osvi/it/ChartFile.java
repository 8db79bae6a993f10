package ai.osvi.it;

import java.io.File;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart {@code campaign-<id>.svg}, parsed by the JDK's XML parser as a browser or artifact viewer would. */
public final class ChartFile {

    private static final String SVG = "http://www.w3.org/2000/svg";

    private final Document document;

    private ChartFile(Document document) {
        this.document = document;
    }

    /** Parses {@code file}; fails on anything that is not well-formed SVG. */
    public static ChartFile read(File file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file);
        Element root = document.getDocumentElement();
        if (!SVG.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
            throw new IllegalArgumentException(file + " is not SVG: its root is " + root.getTagName());
        }
        return new ChartFile(document);
    }

    /** The document's title, as a browser shows it on hovering. */
    public String title() {
        return elements("title").get(0).getTextContent();
    }

    /** Every visible text, in document order. */
    public List<String> texts() {
        return elements("text").stream().map(Element::getTextContent).toList();
    }

    /** How many dashed limit lines are drawn: one per rule. */
    public long limitLines() {
        return elements("line").stream()
                .filter(line -> line.getAttribute("class").equals("limit"))
                .count();
    }

    public boolean hasScript() {
        return document.getElementsByTagNameNS("*", "script").getLength() > 0;
    }

    private List<Element> elements(String name) {
        NodeList nodes = document.getElementsByTagNameNS(SVG, name);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> (Element) nodes.item(i))
                .toList();
    }
}
