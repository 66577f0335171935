package org.oversight.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The latest published judgements of all 153 LAs are read on the register, every single record and the national picture,
 * so they are kept in memory: any change to their tables, by this instance or by hand, is seen on the next read.
 */
@SpringBootTest
class LatestJudgementsKeptIT extends IntegrationTest {

    @Autowired
    SingleRecordService records;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aJudgementChangedByHandIsSeenOnTheNextRead() {
        RegisterRow before = records.registerRow(80450);
        assertThat(before.latest()).as("City of London's 2020 inspection is published in the bundled reports").isNotNull();
        UUID activity = before.latest().activityId();
        Grade overall = before.overall();
        assertThat(records.registerRow(80450).latest()).as("read again unchanged: the same kept judgements").isSameAs(before.latest());
        Grade other = overall == Grade.INADEQUATE ? Grade.GOOD : Grade.INADEQUATE;
        try {
            TenantScope.asSystem(() -> jdbc.sql("UPDATE judgement SET grade = ? WHERE activity_id = ? AND area = 'OVERALL'")
                    .params(other.name(), activity).update());
            assertThat(records.registerRow(80450).overall()).isEqualTo(other);
            assertThat(records.register(new SingleRecordService.RegisterFilter(null, null, null)).stream()
                    .filter(r -> r.la().urn() == 80450).findFirst().orElseThrow().overall()).isEqualTo(other);
        } finally {
            TenantScope.asSystem(() -> jdbc.sql("UPDATE judgement SET grade = ? WHERE activity_id = ? AND area = 'OVERALL'")
                    .params(overall.name(), activity).update());
        }
        assertThat(records.registerRow(80450).overall()).isEqualTo(overall);
        assertThat(records.registerRow(80450).latest().grades()).containsKey(JudgementArea.OVERALL);
    }
}
