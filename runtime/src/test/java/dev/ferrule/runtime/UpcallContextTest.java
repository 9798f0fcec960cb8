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
    void aNullCallbackIsRefused() {
        assertThatThrownBy(() -> UpcallContext.open(Runnable.class, null)).isInstanceOf(NullPointerException.class);
    }
}
