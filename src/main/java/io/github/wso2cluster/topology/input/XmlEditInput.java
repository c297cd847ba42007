package io.github.wso2cluster.topology.input;

/** One {@code <xmlEdit>} as written in the POM. */
public class XmlEditInput {
    private String file;
    private String xpath;
    private String attribute;
    private String value;

    public XmlEditInput() {
    }

    public XmlEditInput(String file, String xpath, String attribute, String value) {
        this.file = file;
        this.xpath = xpath;
        this.attribute = attribute;
        this.value = value;
    }

    public String getFile() { return file; }
    public void setFile(String file) { this.file = file; }
    public String getXpath() { return xpath; }
    public void setXpath(String xpath) { this.xpath = xpath; }
    public String getAttribute() { return attribute; }
    public void setAttribute(String attribute) { this.attribute = attribute; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}
