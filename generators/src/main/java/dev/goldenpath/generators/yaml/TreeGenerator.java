package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Jackson generator that builds the JSON tree directly while the model classes are serialized, without the token
 * buffer {@code ObjectMapper.valueToTree} writes first and then parses again (about a fifth of turning an object into
 * a tree), and without a second walk to drop what carries no meaning: a field whose value is null or an empty list is
 * never added ({@link Yaml}: nulls, empty lists and empty maps are left out; empty objects are kept, Kubernetes gives
 * them meaning). Nodes are the ones Jackson's tree reader makes for the same tokens ({@link JsonNodeFactory}).
 * {@code YamlTest} checks the result against {@code valueToTree} for every object of a rendered platform.
 */
final class TreeGenerator extends GeneratorBase {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The open containers, innermost last, and the field each was opened under (null in an array or at the root). */
    private final List<ContainerNode<?>> open = new ArrayList<>();
    private final List<String> openedAs = new ArrayList<>();
    private String field;
    private JsonNode root;

    TreeGenerator(ObjectCodec codec) {
        super(0, codec);
    }

    /** The tree written, once the value is complete. */
    JsonNode root() {
        return root;
    }

    private void add(JsonNode value) {
        if (open.isEmpty()) {
            root = value;
            return;
        }
        ContainerNode<?> parent = open.get(open.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(field, value);
            field = null;
        } else {
            ((ArrayNode) parent).add(value);
        }
    }

    private void start(ContainerNode<?> container) {
        String as = open.isEmpty() || open.get(open.size() - 1) instanceof ArrayNode ? null : field;
        add(container);
        open.add(container);
        openedAs.add(as);
    }

    private ContainerNode<?> end() {
        openedAs.remove(openedAs.size() - 1);
        return open.remove(open.size() - 1);
    }

    @Override
    public void writeStartArray() {
        _writeContext = _writeContext.createChildArrayContext();
        start(NODES.arrayNode());
    }

    @Override
    public void writeEndArray() {
        _writeContext = _writeContext.clearAndGetParent();
        String as = openedAs.get(openedAs.size() - 1);
        ContainerNode<?> array = end();
        // An empty list means nothing in Kubernetes: the field is left out (a list inside a list is kept).
        if (array.isEmpty() && as != null) {
            ((ObjectNode) open.get(open.size() - 1)).remove(as);
        }
    }

    @Override
    public void writeStartObject() {
        _writeContext = _writeContext.createChildObjectContext();
        start(NODES.objectNode());
    }

    @Override
    public void writeStartObject(Object forValue) {
        writeStartObject();
        _writeContext.setCurrentValue(forValue);
    }

    @Override
    public void writeEndObject() {
        _writeContext = _writeContext.clearAndGetParent();
        end();
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        _writeContext.writeFieldName(name);
        field = name;
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        writeFieldName(name.getValue());
    }

    @Override
    public void writeString(String text) {
        if (text == null) {
            writeNull();
        } else {
            add(NODES.textNode(text));
        }
    }

    @Override
    public void writeString(char[] text, int offset, int length) {
        add(NODES.textNode(new String(text, offset, length)));
    }

    @Override
    public void writeString(SerializableString text) {
        add(NODES.textNode(text.getValue()));
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) {
        add(NODES.textNode(new String(text, offset, length, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) {
        writeRawUTF8String(text, offset, length);
    }

    @Override
    public void writeRaw(String text) {
        throw new UnsupportedOperationException("raw text has no place in a tree: " + text);
    }

    @Override
    public void writeRaw(String text, int offset, int length) {
        writeRaw(text.substring(offset, offset + length));
    }

    @Override
    public void writeRaw(char[] text, int offset, int length) {
        writeRaw(new String(text, offset, length));
    }

    @Override
    public void writeRaw(char c) {
        writeRaw(String.valueOf(c));
    }

    @Override
    public void writeRawValue(String text) {
        add(NODES.rawValueNode(new RawValue(text)));
    }

    @Override
    public void writeRawValue(String text, int offset, int length) {
        writeRawValue(text.substring(offset, offset + length));
    }

    @Override
    public void writeRawValue(char[] text, int offset, int length) {
        writeRawValue(new String(text, offset, length));
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) {
        add(NODES.binaryNode(java.util.Arrays.copyOfRange(data, offset, offset + length)));
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        data.transferTo(bytes);
        add(NODES.binaryNode(bytes.toByteArray()));
        return bytes.size();
    }

    @Override
    public void writeNumber(int value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void writeNumber(long value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void writeNumber(BigInteger value) {
        if (value == null) {
            writeNull();
        } else {
            add(NODES.numberNode(value));
        }
    }

    @Override
    public void writeNumber(double value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void writeNumber(float value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void writeNumber(BigDecimal value) {
        // The tree reader strips trailing zeros by default (JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).
        if (value == null) {
            writeNull();
        } else {
            add(NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros()));
        }
    }

    @Override
    public void writeNumber(String encoded) {
        if (encoded == null) {
            writeNull();
        } else {
            writeNumber(new BigDecimal(encoded));
        }
    }

    @Override
    public void writeBoolean(boolean value) {
        add(NODES.booleanNode(value));
    }

    @Override
    public void writeNull() {
        // A null field is left out; a null in a list or as the whole value is kept.
        if (!open.isEmpty() && open.get(open.size() - 1) instanceof ObjectNode) {
            field = null;
            return;
        }
        add(NODES.nullNode());
    }

    @Override
    public void flush() {
        // Nothing is buffered: the tree is complete after each value.
    }

    @Override
    protected void _releaseBuffers() {
        // No buffers.
    }

    @Override
    protected void _verifyValueWrite(String typeMsg) {
        // Structure is checked by the serializers that drive this generator.
    }

    /** The write context, for serializers that ask where they are. */
    @Override
    public JsonWriteContext getOutputContext() {
        return _writeContext;
    }
}
