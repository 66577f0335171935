package org.oversight.shared.upload;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** N pieces of work at a time; the next is refused at once, naming the setting and when to try again. */
class WorkSlotsTest {

    @Test
    void theSlotPastTheLimitIsRefusedAtOnceAndAClosedSlotIsFreeAgain() {
        WorkSlots slots = new WorkSlots(2, "An export is", "exports are", "oversight.work.max-exports", 10);
        WorkSlots.Slot first = slots.takeOrRefuse();
        WorkSlots.Slot second = slots.takeOrRefuse();
        assertThat(slots.free()).isZero();
        assertThatThrownBy(slots::takeOrRefuse).isInstanceOfSatisfying(WorkSlots.BusyException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("2 exports are running already; try again in 10 seconds");
            assertThat(e.retryAfterSeconds()).isEqualTo(10);
            assertThat(e.setting()).isEqualTo("oversight.work.max-exports");
        });
        first.close();
        first.close(); // twice gives back one slot, not two
        assertThat(slots.free()).isOne();
        Optional<WorkSlots.Slot> third = slots.tryTake();
        assertThat(third).isPresent();
        assertThat(slots.tryTake()).isEmpty();
        second.close();
        third.get().close();
        assertThat(slots.free()).isEqualTo(2);
    }

    @Test
    void importsKeepTheirOwnRefusal() {
        ImportSlots imports = new ImportSlots(new UploadLimits(org.springframework.util.unit.DataSize.ofMegabytes(50),
                org.springframework.util.unit.DataSize.ofMegabytes(200), org.springframework.util.unit.DataSize.ofMegabytes(200), 20, 100_000, 200,
                32_767, 100_000, 100, 1, org.springframework.util.unit.DataSize.ofMegabytes(1)));
        try (WorkSlots.Slot held = imports.takeOrRefuse()) {
            assertThatThrownBy(imports::takeOrRefuse).isInstanceOf(ImportSlots.ImportsBusyException.class)
                    .hasMessage("An import is running already; try again in 30 seconds");
        }
    }
}
