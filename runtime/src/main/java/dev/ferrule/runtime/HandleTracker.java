package dev.ferrule.runtime;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Releases native handles whose Java owners were garbage-collected without {@code close()}, and
 * counts and logs them as leaks. Generated handle classes use one tracker per handle type.
 *
 * <p>It is a safety net, not the way handles are meant to be released, and it is built so it
 * cannot fall behind. A {@link java.lang.ref.Cleaner} has one thread; when an application makes
 * objects faster than that thread can release them, native memory grows without bound. Here the
 * threads that make new handles also release up to {@value #DRAIN_PER_TRACK} collected ones each
 * time, so reclamation keeps pace with allocation however fast it is; a daemon thread releases
 * the rest while the application is idle. Closing unregisters in O(1) from a concurrent set,
 * without the global lock of a Cleaner's list.
 */
public final class HandleTracker {

    /** How many collected handles each {@link #track} call releases at most. */
    static final int DRAIN_PER_TRACK = 8;

    private static final System.Logger LOG = System.getLogger(HandleTracker.class.getName());

    // Every tracker of the JVM, for leak checks that ask about all handle types at once.
    private static final java.util.List<HandleTracker> ALL = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final String typeName;
    private final LongConsumer release;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Set<Tracked> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong reclaimed = new AtomicLong();
    private final AtomicLong reclaimedByTrackingThreads = new AtomicLong();

    /**
     * @param typeName the handle type, for leak messages
     * @param release  the native release function; called at most once per handle
     */
    public HandleTracker(String typeName, LongConsumer release) {
        this(typeName, release, true);
    }

    HandleTracker(String typeName, LongConsumer release, boolean daemon) {
        this.typeName = typeName;
        this.release = release;
        ALL.add(this);
        if (daemon) {
            Thread reaper = new Thread(this::reapForever, "ferrule-leaks-" + typeName);
            reaper.setDaemon(true);
            reaper.start();
        }
    }

    /**
     * One owner's handle. {@link #close()} releases it exactly once, whichever thread gets there
     * first; {@link #handle()} fails after that.
     */
    public final class Tracked extends PhantomReference<Object> {
        private final AtomicLong handle;
        private final Runnable afterRelease;

        Tracked(Object owner, long handle, Runnable afterRelease) {
            super(owner, queue);
            this.handle = new AtomicLong(handle);
            this.afterRelease = afterRelease;
        }

        /** Runs once after this handle's release, however it was released. */
        private void released() {
            if (afterRelease != null) {
                afterRelease.run();
            }
        }

        /** @return the live handle
         *  @throws IllegalStateException once closed */
        public long handle() {
            long current = handle.get();
            if (current == 0) {
                throw new IllegalStateException(typeName + " is closed");
            }
            return current;
        }

        public boolean isClosed() {
            return handle.get() == 0;
        }

        /** Releases the handle; idempotent and thread-safe. */
        public void close() {
            long released = handle.getAndSet(0);
            live.remove(this);
            // Nothing is left for the collector to report.
            clear();
            if (released != 0) {
                try {
                    release.accept(released);
                } finally {
                    released();
                }
            }
        }

        /** Stops tracking without releasing: the library took ownership of the handle. */
        public void forget() {
            long forgotten = handle.getAndSet(0);
            live.remove(this);
            clear();
            if (forgotten != 0) {
                released();
            }
        }

        void reclaim() {
            live.remove(this);
            long leaked = handle.getAndSet(0);
            if (leaked != 0) {
                // Counted first: a leak is a leak even when its late release fails.
                long count = reclaimed.incrementAndGet();
                // 1, 10, 100, ...: loud at first, then quiet, however many there are.
                if (Long.toString(count).matches("10*")) {
                    LOG.log(System.Logger.Level.WARNING, "{0} {1} object(s) were garbage-collected without"
                            + " close(), so their native handles were released late. Close them (try-with-resources).",
                            count, typeName);
                }
                try {
                    release.accept(leaked);
                } finally {
                    released();
                }
            }
        }
    }

    /**
     * Tracks the handle of a new owner, after releasing a few handles whose owners were collected.
     *
     * @param owner the Java object whose collection means the handle leaked
     */
    public Tracked track(Object owner, long handle) {
        return track(owner, handle, null);
    }

    /**
     * As {@link #track(Object, long)}, with something to run once the handle is released,
     * by close or by the leak net: a child object lets go of the parent it kept alive.
     */
    public Tracked track(Object owner, long handle, Runnable afterRelease) {
        drain(DRAIN_PER_TRACK);
        Tracked tracked = new Tracked(owner, handle, afterRelease);
        live.add(tracked);
        // The owner must stay reachable until the tracker holds its reference.
        Reference.reachabilityFence(owner);
        return tracked;
    }

    private void drain(int max) {
        for (int i = 0; i < max; i++) {
            Reference<?> collected = queue.poll();
            if (collected == null) {
                return;
            }
            // The caller is making an unrelated object: a leaked one's failure is logged, not thrown
            // at it, which would also lose the new object's handle.
            reclaimLogged((Tracked) collected);
            reclaimedByTrackingThreads.incrementAndGet();
        }
    }

    private void reclaimLogged(Tracked collected) {
        try {
            collected.reclaim();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Releasing a leaked " + typeName + " failed", e);
        }
    }

    private void reapForever() {
        while (true) {
            try {
                // A failing release must not stop the net for every other handle.
                reclaimLogged((Tracked) queue.remove());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Error e) {
                LOG.log(System.Logger.Level.ERROR, "Releasing a leaked " + typeName + " failed", e);
            }
        }
    }

    /** @return handles released because their owners were collected without close(): leaks */
    public long reclaimed() {
        return reclaimed.get();
    }

    /** Leaks so far by handle type, over every tracker in the JVM. */
    public static java.util.Map<String, Long> reclaimedByType() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        ALL.forEach(t -> counts.merge(t.typeName, t.reclaimed(), Long::sum));
        return counts;
    }

    /** Releases, on this thread, every handle whose owner the collector has already found. */
    public static void drainAll() {
        ALL.forEach(t -> t.drain(Integer.MAX_VALUE));
    }

    /** @return handles tracked and neither closed nor reclaimed yet */
    public int outstanding() {
        return live.size();
    }

    long reclaimedByTrackingThreads() {
        return reclaimedByTrackingThreads.get();
    }
}
