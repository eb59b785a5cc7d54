package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Git object ids computed with the JDK's SHA-1 (several times faster than JGit's collision-detecting
 * one), so that hashing every file of a large tree to find what changed stays cheap. Objects that are
 * actually written go through JGit's inserter, which hashes again with collision detection. Not
 * thread-safe.
 */
final class GitObjects {

    /**
     * Git's tree entry order (tree.c base_name_compare): names compared as unsigned bytes, a folder's name
     * compared as if it ended in '/'.
     */
    static final Comparator<Entry> GIT_ORDER = (a, b) -> {
        byte[] x = a.name();
        byte[] y = b.name();
        int common = Math.min(x.length, y.length);
        for (int i = 0; i < common; i++) {
            int difference = (x[i] & 0xff) - (y[i] & 0xff);
            if (difference != 0) {
                return difference;
            }
        }
        int nextX = x.length > common ? x[common] & 0xff : a.isTree() ? '/' : 0;
        int nextY = y.length > common ? y[common] & 0xff : b.isTree() ? '/' : 0;
        return nextX - nextY;
    };

    /** One entry of a tree object. */
    record Entry(byte[] name, FileMode mode, ObjectId id) {
        boolean isTree() {
            return mode.getObjectType() == Constants.OBJ_TREE;
        }

        String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }
    }

    private final MessageDigest sha1;

    GitObjects() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    ObjectId blobId(byte[] content) {
        return id(Constants.OBJ_BLOB, content);
    }

    ObjectId id(int type, byte[] content) {
        sha1.reset();
        sha1.update(Constants.encodedTypeString(type));
        sha1.update((byte) ' ');
        sha1.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
        sha1.update((byte) 0);
        sha1.update(content);
        return ObjectId.fromRaw(sha1.digest());
    }

    /** The raw bytes of a tree object holding {@code entries}, which must already be in {@link #GIT_ORDER}. */
    static byte[] treeBytes(List<Entry> entries) {
        int size = 0;
        for (Entry entry : entries) {
            size += TreeFormatter.entrySize(entry.mode(), entry.name().length);
        }
        TreeFormatter formatter = new TreeFormatter(size);
        for (Entry entry : entries) {
            formatter.append(entry.name(), entry.mode(), entry.id());
        }
        return formatter.toByteArray();
    }
}
