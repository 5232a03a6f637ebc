package org.cleanblog.web.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** A strict, namespace-aware XML parser for what the blog serves: any well-formedness error fails the test. */
public final class Xml {
    private Xml() {}

    public static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    /** The text of every {@code child} element directly inside a {@code parent} element (local names). */
    public static List<String> texts(Document document, String parent, String child) {
        List<String> texts = new ArrayList<>();
        NodeList parents = document.getElementsByTagNameNS("*", parent);
        for (int i = 0; i < parents.getLength(); i++) {
            for (Node n = parents.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && child.equals(e.getLocalName())) {
                    texts.add(e.getTextContent());
                }
            }
        }
        return texts;
    }
}
