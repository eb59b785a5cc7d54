package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What goldenpath-treegen writes at build time ({@code ModelWriters}): the classes with a tree writer, the classes
 * serialized as fabric8's {@code Quantity} and {@code AnyType} are, and the writers themselves ({@link ModelTrees}).
 */
interface TreeWriterTable {

    /** The class names with a writer; index i is written by {@code write(i, value)}. */
    String[] classes();

    /** The class names whose Jackson serializer is fabric8's {@code Quantity.Serializer}. */
    String[] quantities();

    /** The class names whose Jackson serializer is fabric8's {@code AnyType.Serializer}. */
    String[] anyTypes();

    /** The enum class names written down. */
    String[] enums();

    /** The text Jackson writes for each constant of {@code enums()[index]}, by ordinal. */
    String[] enumTexts(int index);

    /** The object of class {@code classes()[index]} read from the node, or null when Jackson must read it. */
    Object read(int index, ObjectNode node);

    /** The tree of a value whose class is {@code classes()[index]}. */
    ObjectNode write(int index, Object value);
}
