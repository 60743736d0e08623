package io.bilateral.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 ({@code <rss><channel><item>}) and Atom ({@code <feed><entry>}) with the JDK's StAX parser. Any
 * document with a DTD is refused outright — DTDs are how XML external entities (XXE, reading local files or probing
 * the network) and entity expansion bombs ("billion laughs") get in, and no real feed needs one. DTD support and
 * external entities are also switched off in the factory, so nothing is resolved even before the refusal.
 *
 * <p>One bad item never sinks the feed. An item with an element longer than {@link #MAX_TEXT_CHARS} comes back with a
 * {@link FeedEntry.Problem} (the text past the limit is read but not kept); when the XML breaks after the root element
 * (an undeclared entity, a stray {@code &}, a tag left open), the document is read again item by item and only the
 * items that do not parse come back as problems. The whole feed is refused only when it is not XML, not RSS or Atom,
 * declares a DTD, or holds no readable item at all. Thread-safe.
 */
public final class FeedParser {

    /** Most items read from one feed; real feeds carry 10-100. */
    public static final int MAX_ENTRIES = 1_000;
    /** Longest text of one element; an item with a larger one is rejected, not truncated. */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    private static final XMLInputFactory FACTORY = factory(true);
    /** For single items cut out of a broken document: their namespace prefixes are declared on the root, not here. */
    private static final XMLInputFactory FRAGMENTS = factory(false);
    /** An item or entry element, prefixed or not, from its start tag to its end tag. */
    private static final Pattern ITEM =
            Pattern.compile("<((?:[A-Za-z_][\\w.-]*:)?(?:item|entry))(?=[\\s>/]).*?</\\1\\s*>", Pattern.DOTALL);

    private static XMLInputFactory factory(boolean namespaceAware) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
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
        Document document = new Document();
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            read(reader, document);
            return document.entries;
        } catch (XMLStreamException e) {
            String problem = "malformed feed XML" + where(e) + ": " + clean(e.getMessage());
            if (document.root == null) {
                throw new InvalidFeedException(problem, e);
            }
            // An RSS or Atom feed broken somewhere: read what can be read, item by item.
            List<FeedEntry> salvaged = salvage(xml, encoding(reader));
            if (salvaged.isEmpty()) {
                throw new InvalidFeedException(problem + " (and no complete item in it)", e);
            }
            return salvaged;
        } finally {
            close(reader);
        }
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column "
                        + e.getLocation().getColumnNumber();
    }

    private static Charset encoding(XMLStreamReader reader) {
        String name = reader == null
                ? null
                : reader.getCharacterEncodingScheme() != null
                        ? reader.getCharacterEncodingScheme()
                        : reader.getEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // the first parse read it, so this is only a name Java spells otherwise
        }
    }

    /** Each item of a broken document parsed on its own; those that do not parse come back as problems. */
    private static List<FeedEntry> salvage(byte[] xml, Charset charset) {
        List<FeedEntry> entries = new ArrayList<>();
        Matcher matcher = ITEM.matcher(new String(xml, charset));
        while (matcher.find() && entries.size() < MAX_ENTRIES) {
            String segment = matcher.group();
            XMLStreamReader reader = null;
            try {
                reader = FRAGMENTS.createXMLStreamReader(new StringReader(segment));
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // the segment starts with its start tag; nothing comes before it
                }
                entries.add(entry(reader));
            } catch (XMLStreamException e) {
                entries.add(FeedEntry.rejected(
                        segment,
                        new FeedEntry.Problem(
                                "malformed",
                                "malformed XML in item " + (entries.size() + 1) + where(e) + ": "
                                        + clean(e.getMessage()))));
            } finally {
                close(reader);
            }
        }
        return entries;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // closing a reader over a byte array or string releases nothing that could fail
            }
        }
    }

    /** What the first, whole-document reading found before it ended or broke. */
    private static final class Document {
        String root;
        final List<FeedEntry> entries = new ArrayList<>();
    }

    private static void read(XMLStreamReader reader, Document document)
            throws XMLStreamException, InvalidFeedException {
        List<FeedEntry> entries = document.entries;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidFeedException("feed refused: it declares a DTD (<!DOCTYPE>), which could define "
                        + "external or recursively expanding entities; feeds never need one");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                continue; // outside an item (a channel title, say): nothing of it is kept, so nothing to reject
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (document.root == null) {
                if (!name.equals("rss") && !name.equals("feed") && !name.equals("RDF")) {
                    throw new InvalidFeedException("not an RSS or Atom feed: the root element is <" + name + ">");
                }
                document.root = name;
            } else if (name.equals("item") || name.equals("entry")) {
                if (entries.size() == MAX_ENTRIES) {
                    // The first (newest) items are read; the rest are reported once and skipped.
                    entries.add(FeedEntry.rejected(
                            null,
                            new FeedEntry.Problem(
                                    "too_many_items",
                                    "the feed lists more than " + MAX_ENTRIES + " items; the rest " + "are not read")));
                }
                if (entries.size() > MAX_ENTRIES) {
                    skip(reader);
                } else {
                    entries.add(entry(reader));
                }
            }
        }
        if (document.root == null) {
            throw new InvalidFeedException("not an RSS or Atom feed: the document is empty");
        }
    }

    /** Reads one {@code <item>} or {@code <entry>}, leaving the reader on its end tag. */
    private static FeedEntry entry(XMLStreamReader reader) throws XMLStreamException {
        FeedEntry.Problem[] problem = {null};
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
                problem[0] = new FeedEntry.Problem(
                        "undeclared_entity",
                        "the item references the undeclared entity &" + reader.getLocalName() + ";");
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = localName(reader);
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
                        link = firstNonBlank(link, text(reader, problem));
                    }
                }
                case "guid", "id" -> id = firstNonBlank(id, text(reader, problem));
                case "title" -> title = firstNonBlank(title, text(reader, problem));
                case "encoded", "content" -> content = firstNonBlank(content, text(reader, problem));
                case "description", "summary" -> summary = firstNonBlank(summary, text(reader, problem));
                case "pubdate", "published", "date", "issued" ->
                    published = firstNonBlank(published, text(reader, problem));
                case "updated", "modified" -> updated = firstNonBlank(updated, text(reader, problem));
                default -> {
                    depth++; // descend: unknown wrappers may hold nothing we need, but must be balanced
                    continue;
                }
            }
        }
        String key = firstNonBlank(id, firstNonBlank(link, title));
        FeedEntry entry = new FeedEntry(
                key, title, link, firstNonBlank(content, summary), firstNonBlank(published, updated), null);
        return problem[0] == null ? entry : FeedEntry.rejected(entry.key(), problem[0]);
    }

    /** The element's name without a namespace prefix (fragments are read without namespaces), lower case. */
    private static String localName(XMLStreamReader reader) {
        String name = reader.getLocalName();
        return name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    }

    /** The text of the current element (markup inside it, e.g. XHTML content, kept as text); ends on its end tag. */
    private static String text(XMLStreamReader reader, FeedEntry.Problem[] problem) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean tooLarge = false;
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
                    problem[0] = new FeedEntry.Problem(
                            "undeclared_entity",
                            "the item references the undeclared entity &" + reader.getLocalName() + ";");
                default -> {
                    // comments and processing instructions are not text
                }
            }
            if (text.length() > MAX_TEXT_CHARS) {
                // Read on to the end tag, keeping nothing more: memory stays bounded, the next item is read.
                tooLarge = true;
                text.setLength(MAX_TEXT_CHARS);
            }
        }
        if (tooLarge) {
            problem[0] = new FeedEntry.Problem(
                    "too_large", "an element of the item holds more than " + MAX_TEXT_CHARS + " characters");
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
