package vn.truongso.questions.imports;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML reading hardened against hostile files: no DOCTYPE (so no entity expansion or external entities), no
 * XInclude, no external schema or DTD fetches. Helpers to walk elements and to write an element's content as HTML.
 */
public final class SafeXml {

    private SafeXml() {
    }

    /** A parse failure with the line it happened on (or -1). */
    public static final class XmlError extends Exception {
        private final int line;

        XmlError(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Document parse(byte[] bytes) throws XmlError {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw new XmlError(e.getMessage(), e.getLineNumber());
        } catch (SAXException | java.io.IOException e) {
            throw new XmlError(e.getMessage(), -1);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(name(e))).toList();
    }

    public static Element child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst().orElse(null);
    }

    /** Every descendant element with this local name, in document order. */
    public static List<Element> descendants(Element root, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    public static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    public static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    public static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The children of an element written as markup, without namespace declarations (QTI and XHTML share names). */
    public static String innerXml(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            out.append(toXml(n));
        }
        return out.toString().strip();
    }

    public static String toXml(Node n) {
        if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
            return escape(n.getNodeValue());
        }
        if (n.getNodeType() != Node.ELEMENT_NODE) {
            return "";
        }
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(n), new StreamResult(w));
            return w.toString().replaceAll(" xmlns=\"http://www\\.(imsglobal\\.org|w3\\.org/1999/xhtml)[^\"]*\"", "");
        } catch (TransformerException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
