package org.acme.tinykv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The module's own test: it calls the adopted C ABI through the safe layer Ferrule generated from
 * its Rust types and a few lines of [package.metadata.ferrule]: not one type of the FFM API appears
 * here.
 */
class TinykvTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void everyObjectIsClosed() {
        assertEquals(0, Store.openObjects());
        assertEquals(0, Iter.openObjects());
        assertEquals(0, Store.reclaimedByCleaner() + Iter.reclaimedByCleaner());
    }

    @Test
    void aStoreKeepsWhatIsPutInItAndCountsLookups() {
        try (Store store = Store.create(4, Tinykv.OPEN_OVERWRITE)) {
            store.put(utf8("k"), utf8("value"), 0);
            store.put(utf8("k"), utf8("value 2"), 60);
            assertEquals("value 2", store.getString("k"));
            assertEquals(1, store.len());

            Stats stats = store.stats();
            assertEquals(1, stats.entries());
            assertEquals("k".length() + "value 2".length(), stats.bytes());
            assertEquals(ProcessHandle.current().pid(), stats.owner());
            assertEquals(Tinykv.OPEN_OVERWRITE, stats.flags());

            assertArrayEquals(utf8("value 2"), store.get(utf8("k")));
            assertEquals(1, store.stats().hits());
            byte[] large = new byte[10_000];
            java.util.Arrays.fill(large, (byte) 'x');
            store.put(utf8("big"), large, 0);
            assertArrayEquals(large, store.get(utf8("big")), "a value larger than the first buffer is asked again");
            assertThrows(TinykvException.NotFoundException.class, () -> store.get(utf8("missing")));
            store.remove("big");

            store.remove("k");
            assertEquals(0, store.len());
            assertTrue(store.id() > 0);
        }
    }

    @Test
    void cStringsCrossBothWays() {
        assertEquals("0.2.0", Tinykv.version());
        assertEquals(new Version(0, 2, 0, "capi"), Tinykv.versionInfo(), "a char[16] field is a String");
        try (Store store = Store.open("grüße", Tinykv.OPEN_CREATE | Tinykv.OPEN_OVERWRITE)) {
            assertEquals("grüße", store.name());
            store.put(utf8("greeting"), utf8("héllo"), 0);
            assertEquals("héllo", store.getString("greeting"));
            IllegalArgumentException nul = assertThrows(IllegalArgumentException.class, () -> store.remove("a\0b"));
            assertTrue(nul.getMessage().startsWith("key holds a NUL character at byte 1"), nul.getMessage());
        }
        assertEquals(0xcbf2_9ce4_8422_2325L, Tinykv.hash(new byte[0]), "FNV-1a's offset basis");
    }

    @Test
    void failuresAreTypedExceptionsWithTheLibrarysMessage() {
        try (Store store = Store.create(1, 0)) {
            store.put(utf8("a"), utf8("1"), 0);
            TinykvException.FullException full = assertThrows(TinykvException.FullException.class,
                    () -> store.put(utf8("b"), utf8("2"), 0));
            assertEquals("the store is full", full.getMessage());
            assertEquals(3, full.code());

            assertEquals("no such key", assertThrows(TinykvException.NotFoundException.class,
                    () -> store.remove("missing")).getMessage());
            assertEquals("no such key", assertThrows(TinykvException.class,
                    () -> store.getString("missing")).getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.put(utf8("a"), utf8("1"), -1));
        }
    }

    @Test
    void aFailedConstructorThrowsAndLeavesNoObject() {
        TinykvException failed = assertThrows(TinykvException.class, () -> Store.create(0, 0));
        assertEquals("a store needs a capacity above 0 and known flags", failed.getMessage());
        assertEquals(0, failed.code(), "a null result carries no code");
        assertThrows(TinykvException.class, () -> Store.create(4, 1L << 20));
        assertEquals(0, Store.openObjects());
    }

    @Test
    void aStoreClosesOnceAndRefusesUseAfterCloseAndOtherThreads() throws Exception {
        Store store = Store.create(4, 0);
        AtomicReference<Throwable> fromOtherThread = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                store.len();
            } catch (Throwable e) {
                fromOtherThread.set(e);
            }
        });
        other.start();
        other.join();
        assertTrue(fromOtherThread.get() instanceof WrongThreadException, String.valueOf(fromOtherThread.get()));

        store.close();
        store.close();
        assertTrue(store.isClosed());
        assertEquals("Store is closed", assertThrows(IllegalStateException.class, store::len).getMessage());
    }

    @Test
    void manyStoresOnManyThreadsEachOnItsOwnThread() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        try (Store store = Store.create(8, Tinykv.OPEN_OVERWRITE)) {
                            store.put(utf8("k" + i), utf8("v" + i), 0);
                            assertEquals("v" + i, store.getString("k" + i));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void anIteratorWalksTheKeysInOrderAndKeepsItsStoreAlive() {
        Store store = Store.create(8, 0);
        store.load("b=2\na=1\nc=3");
        try (Iter keys = store.iter()) {
            List<String> seen = new ArrayList<>();
            keys.forEachRemaining(key -> seen.add(new String(key, StandardCharsets.UTF_8)));
            assertEquals(List.of("a", "b", "c"), seen);
            assertThrows(java.util.NoSuchElementException.class, keys::next);
        }
        Iter open = store.iter();
        // Closing the store first is safe: it is released when its iterator is.
        store.close();
        assertThrows(IllegalStateException.class, store::len);
        assertEquals("a", new String(open.next(), StandardCharsets.UTF_8));
        assertEquals(1, Store.openObjects());
        open.close();
        assertEquals(0, Store.openObjects());
    }

    @Test
    void aStreamOfKeysClosesItsIterator() {
        try (Store store = Store.create(8, 0)) {
            store.load("x=1\ny=2");
            try (java.util.stream.Stream<byte[]> keys = store.iter().stream()) {
                assertEquals(2, keys.count());
            }
            assertEquals(0, Iter.openObjects());
        }
    }

    @Test
    void anErrorObjectBecomesItsExceptionAndStatsMergeTakesAList() {
        try (Store store = Store.create(8, 0)) {
            TinykvException.SyntaxException syntax = assertThrows(TinykvException.SyntaxException.class,
                    () -> store.load("a=1\nbad"));
            assertEquals("line 2: no '=' in \"bad\"", syntax.getMessage());
            assertEquals(6, syntax.code());
            assertEquals(1, store.len(), "the lines before the failing one stay");

            Stats one = store.stats();
            Stats merged = Tinykv.statsMerge(List.of(one, one, one));
            assertEquals(3 * one.entries(), merged.entries());
            assertEquals(3 * one.bytes(), merged.bytes());
            assertEquals(one.owner(), merged.owner());
            assertEquals(0, Tinykv.statsMerge(List.of()).entries());
        }
    }

    @Test
    void aVisitorSeesEveryEntryAndItsExceptionComesBack() {
        try (Store store = Store.create(8, 0)) {
            store.load("b=2\na=1");
            List<String> seen = new ArrayList<>();
            int visited = store.visit((key, value) -> {
                seen.add(new String(key, StandardCharsets.UTF_8) + "=" + new String(value, StandardCharsets.UTF_8));
                return 0;
            });
            assertEquals(2, visited);
            assertEquals(List.of("a=1", "b=2"), seen);
            assertEquals(1, store.visit((key, value) -> 1), "non-zero stops the visit");

            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.visit((key, value) -> {
                throw new IllegalStateException("from the visitor");
            }));
            assertEquals("from the visitor", thrown.getMessage());
        }
    }
}
