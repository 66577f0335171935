package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
        RecentlyUsed<String, Integer> kept = new RecentlyUsed<>(2);
        kept.put("a", 1);
        kept.put("b", 2);
        assertThat(kept.get("a")).isEqualTo(1); // "a" used now, "b" is the eldest
        kept.put("c", 3);
        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.get("b")).isNull();
        assertThat(kept.get("a")).isEqualTo(1);
        assertThat(kept.get("c")).isEqualTo(3);
    }

    @Test
    void computesOnceForAKeyThatIsKept() {
        RecentlyUsed<String, Integer> kept = new RecentlyUsed<>(4);
        AtomicInteger computed = new AtomicInteger();
        assertThat(kept.get("x", () -> computed.incrementAndGet() * 10)).isEqualTo(10);
        assertThat(kept.get("x", () -> computed.incrementAndGet() * 10)).isEqualTo(10);
        assertThat(computed.get()).isEqualTo(1);
        assertThat(kept.get("y", () -> computed.incrementAndGet() * 10)).isEqualTo(20);
    }

    @Test
    void refusesNoCapacity() {
        assertThatThrownBy(() -> new RecentlyUsed<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
