package it;

import static org.assertj.core.api.Assertions.assertThat;

import it.shapes.ShapesNative;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/** Calls every kind of export through the generated raw layer. */
@SuppressWarnings("restricted")
class GeneratedRawBindingsTest {

    private static final VarHandle UNIT = ShapesNative.SIZE_LAYOUT.varHandle(PathElement.groupElement("unit"));
    private static final VarHandle WIDTH = ShapesNative.SIZE_LAYOUT.varHandle(PathElement.groupElement("width"));
    private static final VarHandle HEIGHT = ShapesNative.SIZE_LAYOUT.varHandle(PathElement.groupElement("height"));

    static int twice(int value) {
        return value * 2;
    }

    @Test
    void primitivesCrossDirectly() {
        assertThat(ShapesNative.shapes_add(40, 2)).isEqualTo(42);
        assertThat(ShapesNative.shapes_unit_scale(ShapesNative.UNIT_PT)).isEqualTo(4);
    }

    @Test
    void structsGoInAndComeOutByValue() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment size = arena.allocate(ShapesNative.SIZE_LAYOUT);
            UNIT.set(size, 0L, ShapesNative.UNIT_PX);
            WIDTH.set(size, 0L, 6);
            HEIGHT.set(size, 0L, 7);

            assertThat(ShapesNative.shapes_area(size)).isEqualTo(42L);
            MemorySegment grown = ShapesNative.shapes_grow(arena, size, 1);
            assertThat((int) WIDTH.get(grown, 0L)).isEqualTo(7);
            assertThat((int) HEIGHT.get(grown, 0L)).isEqualTo(8);
            assertThat((byte) UNIT.get(grown, 0L)).isEqualTo(ShapesNative.UNIT_PX);
        }
    }

    @Test
    void outParameterIsWritten() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ShapesNative.SIZE_LAYOUT);
            ShapesNative.shapes_fill(out);
            assertThat((byte) UNIT.get(out, 0L)).isEqualTo(ShapesNative.UNIT_PT);
            assertThat((int) WIDTH.get(out, 0L) * (int) HEIGHT.get(out, 0L)).isEqualTo(6);
            ShapesNative.shapes_fill(MemorySegment.NULL);
        }
    }

    @Test
    void callbackDescriptorBuildsAnUpcall() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stub = Linker.nativeLinker().upcallStub(
                    MethodHandles.lookup().findStatic(GeneratedRawBindingsTest.class, "twice",
                            MethodType.methodType(int.class, int.class)),
                    ShapesNative.VISIT_DESCRIPTOR, arena);
            assertThat(ShapesNative.shapes_apply(stub, 21)).isEqualTo(42);
        }
    }

    @Test
    void layoutMatchesTheCompilers() {
        assertThat(ShapesNative.SIZE_LAYOUT.byteSize()).isEqualTo(12);
        assertThat(ShapesNative.SIZE_LAYOUT.byteOffset(PathElement.groupElement("width"))).isEqualTo(4);
        assertThat(ValueLayout.ADDRESS.byteSize()).isEqualTo(8);
    }
}
