package dev.ferrule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import dev.ferrule.runtime.junit.FerruleLeakCheck;
import org.junit.jupiter.api.Test;

/** Callbacks through the generated safe layer: values flow, and a throwing callback cannot kill the JVM. */
@FerruleLeakCheck(Template.class)
class CallbackTest {

    @Test
    void callbackReceivesEveryStep() {
        List<Long> steps = new ArrayList<>();
        try (Counter counter = Counter.create(4)) {
            counter.steps(step -> {
                steps.add(step);
                return 0;
            });
        }
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L);
        assertThat(Template.liveObjects()).isZero();
    }

    @Test
    void callbackCanStopWithTheCratesError() {
        try (Counter counter = Counter.create(10)) {
            assertThatThrownBy(() -> counter.steps(step -> step == 3 ? 1 : 0))
                    .isInstanceOf(TemplateException.StoppedException.class)
                    .hasMessage("the callback stopped the iteration");
        }
    }

    @Test
    void exceptionInCallbackIsRethrownAfterTheCallAndTheJvmSurvives() {
        try (Counter counter = Counter.create(5)) {
            IllegalArgumentException thrown = new IllegalArgumentException("bad step");
            assertThatThrownBy(() -> counter.steps(step -> {
                throw thrown;
            })).isSameAs(thrown);
            assertThat(counter.add(1)).isEqualTo(6);
        }
        assertThat(Template.greet("after")).isEqualTo("Hello, after!");
    }

    @Test
    void nullCallbackIsRejectedOnTheJavaSide() {
        try (Counter counter = Counter.create(1)) {
            assertThatThrownBy(() -> counter.steps(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("callback");
        }
    }
}
