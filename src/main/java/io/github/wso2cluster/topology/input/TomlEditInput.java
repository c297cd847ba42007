package io.github.wso2cluster.topology.input;

/** {@code <tomlEdit>} as written in the POM. */
public class TomlEditInput {
    private String key;
    private String value;

    public TomlEditInput() {
    }

    public TomlEditInput(String key, String value) {
        this.key = key;
        this.value = value;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }

    @Override
    public String toString() {
        return "TomlEdit[" + key + " = " + value + "]";
    }
}
