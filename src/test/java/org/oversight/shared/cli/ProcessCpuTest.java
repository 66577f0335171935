package org.oversight.shared.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTimeOfTheProcessAndItsEndedChildren() {
        // A real line of /proc/<pid>/stat for a postgres backend; the command may hold spaces and parentheses.
        String stat = "4242 (postgres: oversight (x) idle) S 4200 4200 4200 0 -1 4194560 1234 0 0 0 150 25 7 3 20 0 1 0 "
                + "987654 222222222 3000 18446744073709551615 1 1 0 0 0 0 0 4096 1 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(150 + 25 + 7 + 3);
    }

    @Test
    void thisJvmHasUsedSomeCpuAndItsOwnStatIsReadable() {
        assertThat(ProcessCpu.jvmNanos()).isPositive();
        assertThat(ProcessCpu.ticks(ProcessHandle.current().pid())).as("this process's own /proc/<pid>/stat").isPositive();
        assertThat(ProcessCpu.parent(ProcessHandle.current().pid())).isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
    }
}
