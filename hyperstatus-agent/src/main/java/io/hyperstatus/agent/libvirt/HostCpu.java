package io.hyperstatus.agent.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The host CPU as libvirt's capabilities XML describes it under {@code <host><cpu>}: architecture, model, vendor
 * and feature names. Absent elements stay empty so the report can omit them rather than invent values.
 */
record HostCpu(Optional<String> arch, Optional<String> model, Optional<String> vendor, List<String> features) {
    HostCpu {
        features = List.copyOf(features);
    }

    /** @throws IllegalArgumentException when the text is not well-formed XML */
    static HostCpu fromCapabilities(String capabilitiesXml) {
        Element root = parse(capabilitiesXml).getDocumentElement();
        Optional<Element> cpu = child(root, "host").flatMap(host -> child(host, "cpu"));
        if (cpu.isEmpty()) {
            return new HostCpu(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
        Element element = cpu.get();
        return new HostCpu(text(element, "arch"), text(element, "model"), text(element, "vendor"), features(element));
    }

    /**
     * Real hosts list {@code <feature name='vmx'/>} elements; some drivers (the test driver among them) nest empty
     * elements named after the feature in {@code <features>}. Both forms count, sorted and without repeats.
     */
    private static List<String> features(Element cpu) {
        SortedSet<String> names = new TreeSet<>();
        for (Node node = cpu.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if (element.getTagName().equals("feature") && !element.getAttribute("name").isBlank()) {
                names.add(element.getAttribute("name"));
            } else if (element.getTagName().equals("features")) {
                for (Node flag = element.getFirstChild(); flag != null; flag = flag.getNextSibling()) {
                    if (flag instanceof Element flagElement) {
                        names.add(flagElement.getTagName());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().strip()).filter(text -> !text.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static org.w3c.dom.Document parse(String xml) {
        try {
            // libvirt's XML never needs a DTD; refusing them keeps a hostile daemon from reading local files (XXE).
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("unreadable capabilities XML: " + e.getMessage(), e);
        }
    }
}
