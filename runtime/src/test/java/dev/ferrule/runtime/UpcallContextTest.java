package dev.ferrule.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class UpcallContextTest {

    @Test
    void anOpenCallIsFoundByItsIdAndTypeUntilItCloses() {
        int before = UpcallContext.openCount();
        IntUnaryOperator doubler = x -> 2 * x;
        long id;
        try (UpcallContext<IntUnaryOperator> context = UpcallContext.open(IntUnaryOperator.class, doubler)) {
            id = context.id();
            assertThat(id).isNotZero();
            assertThat(UpcallContext.find(id, IntUnaryOperator.class)).isSameAs(context);
            assertThat(UpcallContext.find(id, IntUnaryOperator.class).callback().applyAsInt(21)).isEqualTo(42);
            assertThat(UpcallContext.find(id, LongSupplier.class)).as("another callback type").isNull();
            assertThat(UpcallContext.openCount()).isEqualTo(before + 1);
        }
        assertThat(UpcallContext.find(id, IntUnaryOperator.class)).as("after the call").isNull();
        assertThat(UpcallContext.find(0, IntUnaryOperator.class)).as("a user_data never passed through").isNull();
        assertThat(UpcallContext.openCount()).isEqualTo(before);
    }

    @Test
    void nestedAndConcurrentCallsHaveTheirOwnIds() {
        try (UpcallContext<Runnable> outer = UpcallContext.open(Runnable.class, () -> { });
                UpcallContext<Runnable> inner = UpcallContext.open(Runnable.class, () -> { })) {
            assertThat(inner.id()).isNotEqualTo(outer.id());
            assertThat(UpcallContext.find(outer.id(), Runnable.class)).isSameAs(outer);
        }
    }

    @Test
    void theFirstFailureIsRethrownAsItWasAndCheckedOnesWrapped() {
        try (UpcallContext<Runnable> context = UpcallContext.open(Runnable.class, () -> { })) {
            assertThatCode(context::rethrow).as("nothing failed").doesNotThrowAnyException();
            IllegalArgumentException first = new IllegalArgumentException("first");
            context.fail(first);
            context.fail(new IllegalStateException("second"));
            assertThatThrownBy(context::rethrow).isSameAs(first);
        }
        try (UpcallContext<Runnable> context = UpcallContext.open(Runnable.class, () -> { })) {
            context.fail(new StackOverflowError());
            assertThatThrownBy(context::rethrow).isInstanceOf(StackOverflowError.class);
        }
        try (UpcallContext<Runnable> context = UpcallContext.open(Runnable.class, () -> { })) {
            IOException checked = new IOException("disk");
            context.fail(checked);
            assertThatThrownBy(context::rethrow).isInstanceOf(IllegalStateException.class).hasCause(checked);
        }
    }

    @Test
    void moreOpenContextsThanSlotsAreStillFoundAndClosed() {
        int before = UpcallContext.openCount();
        java.util.List<UpcallContext<Runnable>> open = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            open.add(UpcallContext.open(Runnable.class, () -> { }));
        }
        for (UpcallContext<Runnable> context : open) {
            assertThat(UpcallContext.find(context.id(), Runnable.class)).isSameAs(context);
        }
        assertThat(UpcallContext.openCount()).isEqualTo(before + 3000);
        open.forEach(UpcallContext::close);
        for (UpcallContext<Runnable> context : open) {
            assertThat(UpcallContext.find(context.id(), Runnable.class)).isNull();
        }
        assertThat(UpcallContext.openCount()).isEqualTo(before);
    }

    @Test
    void threadsOpeningAndClosingAtOnceEachFindOnlyTheirOwn() throws Exception {
        int before = UpcallContext.openCount();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> wrong = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                wrong.add(pool.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 20_000; i++) {
                        Runnable callback = () -> { };
                        try (UpcallContext<Runnable> context = UpcallContext.open(Runnable.class, callback)) {
                            UpcallContext<Runnable> found = UpcallContext.find(context.id(), Runnable.class);
                            mistakes += found == context && found.callback() == callback ? 0 : 1;
                        }
                    }
                    return mistakes;
                }));
            }
            for (java.util.concurrent.Future<Integer> mistakes : wrong) {
                assertThat(mistakes.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(UpcallContext.openCount()).isEqualTo(before);
    }

    @Test
    void aNullCallbackIsRefused() {
        assertThatThrownBy(() -> UpcallContext.open(Runnable.class, null)).isInstanceOf(NullPointerException.class);
    }
}
