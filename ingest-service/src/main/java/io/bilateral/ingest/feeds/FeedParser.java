package io.bilateral.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 ({@code <rss><channel><item>}) and Atom ({@code <feed><entry>}) with the JDK's StAX parser. Any
 * document with a DTD is refused outright — DTDs are how XML external entities (XXE, reading local files or probing
 * the network) and entity expansion bombs ("billion laughs") get in, and no real feed needs one. DTD support and
 * external entities are also switched off in the factory, so nothing is resolved even before the refusal.
 * Thread-safe.
 */
public final class FeedParser {

    /** Most items read from one feed; real feeds carry 10-100. */
    public static final int MAX_ENTRIES = 1_000;
    /** Longest text of one element; larger ones are refused, not truncated. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused");
        });
        return factory;
    }

    /** The entries of the feed in {@code xml} (its encoding as declared, UTF-8 by default), in document order. */
    public List<FeedEntry> parse(byte[] xml) throws InvalidFeedException {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            return read(reader);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column "
                            + e.getLocation().getColumnNumber();
            throw new InvalidFeedException("malformed feed XML" + where + ": " + clean(e.getMessage()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a byte array releases nothing that could fail
                }
            }
        }
    }

    private static List<FeedEntry> read(XMLStreamReader reader) throws XMLStreamException, InvalidFeedException {
        String root = null;
        List<FeedEntry> entries = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidFeedException("feed refused: it declares a DTD (<!DOCTYPE>), which could define "
                        + "external or recursively expanding entities; feeds never need one");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidFeedException(
                        "feed refused: it references the undeclared entity &" + reader.getLocalName() + ";");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (root == null) {
                root = name;
                if (!root.equals("rss") && !root.equals("feed") && !root.equals("RDF")) {
                    throw new InvalidFeedException("not an RSS or Atom feed: the root element is <" + root + ">");
                }
            } else if (name.equals("item") || name.equals("entry")) {
                if (entries.size() >= MAX_ENTRIES) {
                    throw new InvalidFeedException("feed refused: more than " + MAX_ENTRIES + " items");
                }
                entries.add(entry(reader, name));
            }
        }
        if (root == null) {
            throw new InvalidFeedException("not an RSS or Atom feed: the document is empty");
        }
        return entries;
    }

    /** Reads one {@code <item>} or {@code <entry>}, leaving the reader on its end tag. */
    private static FeedEntry entry(XMLStreamReader reader, String element)
            throws XMLStreamException, InvalidFeedException {
        String id = null;
        String title = null;
        String link = null;
        String content = null;
        String summary = null;
        String published = null;
        String updated = null;
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidFeedException(
                        "feed refused: it references the undeclared entity &" + reader.getLocalName() + ";");
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName().toLowerCase(Locale.ROOT);
            switch (name) {
                case "link" -> {
                    // Atom: <link rel="alternate" href=…/> (rel defaults to alternate); RSS: <link>url</link>
                    String href = reader.getAttributeValue(null, "href");
                    String rel = reader.getAttributeValue(null, "rel");
                    if (href != null) {
                        if ((rel == null || rel.equals("alternate")) && link == null) {
                            link = href;
                        }
                        skip(reader);
                    } else {
                        link = firstNonBlank(link, text(reader));
                    }
                }
                case "guid", "id" -> id = firstNonBlank(id, text(reader));
                case "title" -> title = firstNonBlank(title, text(reader));
                case "encoded", "content" -> content = firstNonBlank(content, text(reader));
                case "description", "summary" -> summary = firstNonBlank(summary, text(reader));
                case "pubdate", "published", "date", "issued" -> published = firstNonBlank(published, text(reader));
                case "updated", "modified" -> updated = firstNonBlank(updated, text(reader));
                default -> {
                    depth++; // descend: unknown wrappers may hold nothing we need, but must be balanced
                    continue;
                }
            }
        }
        String key = firstNonBlank(id, firstNonBlank(link, title));
        return new FeedEntry(key, title, link, firstNonBlank(content, summary), firstNonBlank(published, updated));
    }

    /** The text of the current element (markup inside it, e.g. XHTML content, kept as text); ends on its end tag. */
    private static String text(XMLStreamReader reader) throws XMLStreamException, InvalidFeedException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    text.append('<').append(reader.getLocalName()).append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) {
                        text.append("</").append(reader.getLocalName()).append('>');
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                    throw new InvalidFeedException(
                            "feed refused: it references the undeclared entity &" + reader.getLocalName() + ";");
                default -> {
                    // comments and processing instructions are not text
                }
            }
            if (text.length() > MAX_TEXT_CHARS) {
                throw new InvalidFeedException(
                        "feed refused: an element holds more than " + MAX_TEXT_CHARS + " characters");
            }
        }
        return text.toString().strip();
    }

    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second == null || second.isBlank() ? null : second;
    }

    private static String clean(String message) {
        if (message == null) {
            return "unreadable";
        }
        // The JDK prefixes "ParseError at [row,col]:[3,5]\nMessage: "; the location is reported separately.
        int index = message.indexOf("Message: ");
        return (index >= 0 ? message.substring(index + 9) : message).strip();
    }
}
