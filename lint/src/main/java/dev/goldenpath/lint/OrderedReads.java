package dev.goldenpath.lint;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads running on reader threads, handed to a consumer on this thread in the order they were started: the consumer
 * sees what reading one after the other would give it. Reads are handed over as soon as they and every one before
 * them are done, and this thread waits for the oldest while more than a limit of their sizes is being read, so
 * memory stays a few reads' results ({@link YamlDocuments.Splitter#inParallel}, {@link Linter}).
 */
final class OrderedReads<T> {

    private record Pending<T>(Future<T> read, long size) {
    }

    private final ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    private final Consumer<T> consumer;
    private long ahead;

    OrderedReads(Consumer<T> consumer) {
        this.consumer = consumer;
    }

    /** A pool of {@code threads} daemon threads that read YAML; shut it down when done. */
    static ExecutorService readers(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "goldenpath-yaml-reader-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Adds a read of {@code size} (bytes or characters), then hands over what it can with at most {@code limit} ahead. */
    void add(Future<T> read, long size, long limit) {
        pending.add(new Pending<>(read, size));
        ahead += size;
        handOver(limit);
    }

    /** Hands over the reads done, in order, waiting while more than {@code limit} is being read; 0 waits for all. */
    void handOver(long limit) {
        while (!pending.isEmpty() && (pending.peek().read().isDone() || ahead > limit)) {
            Pending<T> next = pending.poll();
            ahead -= next.size();
            consumer.accept(waitFor(next.read()));
        }
    }

    /** What a reader made, or its own exception as if thrown here. */
    private static <T> T waitFor(Future<T> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading YAML", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
