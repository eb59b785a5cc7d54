package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive use of one local repository (a clone cache or a local target) by one publish at a time, across
 * threads (a lock per path in this JVM) and processes (an OS file lock, which the OS releases when a
 * process dies, so a killed publisher never leaves the lock behind).
 */
final class RepositoryLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private RepositoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static RepositoryLock acquire(Path lockFile, Duration timeout) {
        Path key = lockFile.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + timeout.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock(true));
        try {
            if (!threadLock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw timeout(key, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(PublishException.Reason.LOCK_TIMEOUT, "interrupted waiting for " + key, e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock fileLock;
                try {
                    fileLock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    fileLock = null;
                }
                if (fileLock != null) {
                    return new RepositoryLock(threadLock, channel, fileLock);
                }
                if (System.nanoTime() > deadline) {
                    throw timeout(key, timeout);
                }
                Thread.sleep(10 + ThreadLocalRandom.current().nextInt(40));
            }
        } catch (IOException e) {
            release(threadLock, channel);
            throw new PublishException(PublishException.Reason.IO_FAILED, "could not lock " + key + ": " + e, e);
        } catch (InterruptedException e) {
            release(threadLock, channel);
            Thread.currentThread().interrupt();
            throw new PublishException(PublishException.Reason.LOCK_TIMEOUT, "interrupted waiting for " + key, e);
        } catch (RuntimeException e) {
            release(threadLock, channel);
            throw e;
        }
    }

    private static PublishException timeout(Path key, Duration timeout) {
        return new PublishException(PublishException.Reason.LOCK_TIMEOUT,
                "another publisher held " + key + " for longer than " + timeout);
    }

    private static void release(ReentrantLock threadLock, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a lock file we only opened cannot lose data.
        } finally {
            if (threadLock.isHeldByCurrentThread()) {
                threadLock.unlock();
            }
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // The channel close below releases the lock too.
        }
        release(threadLock, channel);
    }
}
