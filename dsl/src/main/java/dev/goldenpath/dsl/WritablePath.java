package dev.goldenpath.dsl;

/**
 * A folder the application may write to. The root filesystem is read-only, so each writable path is
 * mounted as an {@code emptyDir} volume, bounded by {@code sizeLimit} so that one pod cannot fill the
 * node's disk.
 */
public record WritablePath(String path, String sizeLimit) {

    /** The size limit when none is given. */
    public static final String DEFAULT_SIZE_LIMIT = "1Gi";

}
