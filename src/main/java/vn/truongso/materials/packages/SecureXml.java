package vn.truongso.materials.packages;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import vn.truongso.platform.BadInputException;
import vn.truongso.platform.InputError;

/**
 * Parses a manifest with everything that reaches outside the document switched off: a DOCTYPE is refused outright
 * (which refuses every internal or external entity and every DTD load, so XXE and "billion laughs" cannot start),
 * external DTDs and schemas are not fetched, XInclude is off. Real SCORM and cmi5 manifests have no DOCTYPE.
 */
final class SecureXml {

    private SecureXml() {
    }

    static Document parse(byte[] xml, String fileName) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE") || message.contains("entity")) {
                throw new BadInputException(InputError.field(fileName, "packages.manifest.doctype"));
            }
            throw new BadInputException(InputError.field(fileName, "packages.manifest.malformed", e.getLineNumber(), e.getColumnNumber()));
        } catch (SAXException e) {
            throw new BadInputException(InputError.field(fileName, "packages.manifest.doctype"));
        } catch (IOException | ParserConfigurationException e) {
            throw new BadInputException(InputError.field(fileName, "packages.manifest.malformed", 0, 0));
        }
    }
}
