package org.acme.tinykv;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's own test: it calls the adopted crate through the raw bindings Ferrule generated. */
class TinykvTest {

    private static final List<String> VISITED = new ArrayList<>();

    private static MemorySegment bytes(Arena arena, String text) {
        return arena.allocateFrom(text, StandardCharsets.UTF_8);
    }

    @Test
    void aStoreKeepsWhatIsPutInItAndCountsLookups() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment store = TinykvNative.tinykv_store_new(4, TinykvNative.TINYKV_OPEN_OVERWRITE);
            assertTrue(!store.equals(MemorySegment.NULL));
            assertEquals(TinykvNative.TINYKV_OK, TinykvNative.tinykv_store_put(store, bytes(arena, "k"), 1,
                    bytes(arena, "value"), 5, 0));
            MemorySegment buffer = arena.allocate(16);
            assertEquals(5, TinykvNative.tinykv_store_get(store, bytes(arena, "k"), 1, buffer, 16));
            assertEquals("value", new String(buffer.asSlice(0, 5).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                    StandardCharsets.UTF_8));
            assertEquals(-TinykvNative.TINYKV_ERR_NOT_FOUND,
                    TinykvNative.tinykv_store_get(store, bytes(arena, "nope"), 4, buffer, 16));

            // A struct filled through an out-pointer, read with the layout the compiler measured.
            MemorySegment stats = arena.allocate(TinykvNative.TINYKV_STATS_LAYOUT);
            assertEquals(TinykvNative.TINYKV_OK, TinykvNative.tinykv_store_stats(store, stats));
            assertEquals(1L, stats.get(JAVA_LONG, offset("entries")));
            assertEquals(1L, stats.get(JAVA_LONG, offset("hits")));
            assertEquals(1L, stats.get(JAVA_LONG, offset("misses")));
            assertEquals(ProcessHandle.current().pid(), stats.get(JAVA_INT, offset("owner")));
            TinykvNative.tinykv_store_free(store);
        }
    }

    private static long offset(String field) {
        return TinykvNative.TINYKV_STATS_LAYOUT.byteOffset(PathElement.groupElement(field));
    }

    @Test
    void cStringsCrossBothWays() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment store = TinykvNative.tinykv_store_new(4, 0);
            TinykvNative.tinykv_store_put(store, bytes(arena, "greeting"), 8, bytes(arena, "hello"), 5, 0);
            MemorySegment text = TinykvNative.tinykv_store_get_string(store, bytes(arena, "greeting"));
            assertEquals("hello", text.reinterpret(64).getString(0));
            TinykvNative.tinykv_string_free(text);
            assertEquals("0.2.0", TinykvNative.tinykv_version().reinterpret(16).getString(0));
            TinykvNative.tinykv_store_free(store);
        }
    }

    static int visit(MemorySegment key, long keyLength, MemorySegment value, long valueLength, MemorySegment data) {
        VISITED.add(new String(key.reinterpret(keyLength).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8));
        return 0;
    }

    @Test
    void theNullableVisitorCallbackIsCalledForEveryEntry() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment store = TinykvNative.tinykv_store_new(4, 0);
            for (String key : List.of("b", "a")) {
                TinykvNative.tinykv_store_put(store, bytes(arena, key), 1, bytes(arena, "v"), 1, 0);
            }
            MemorySegment visitor = Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(
                    TinykvTest.class, "visit", MethodType.methodType(int.class, MemorySegment.class, long.class,
                            MemorySegment.class, long.class, MemorySegment.class)),
                    TinykvNative.TINYKV_VISIT_FN_DESCRIPTOR, arena);
            VISITED.clear();
            assertEquals(2, TinykvNative.tinykv_store_visit(store, visitor, MemorySegment.NULL));
            assertEquals(List.of("a", "b"), VISITED);
            // The callback is an Option<extern "C" fn>: null visits nothing.
            assertEquals(0, TinykvNative.tinykv_store_visit(store, MemorySegment.NULL, MemorySegment.NULL));
            TinykvNative.tinykv_store_free(store);
        }
    }
}
