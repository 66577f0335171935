package org.oversight.childdata.ssd;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored part of the SSD follows the SSD's own field list; values read as case-management systems write them. */
class SsdSchemaTest {

    private final SsdSchema schema = SsdSchema.get();

    @Test
    void everyStoredTableIsAnSsdTableWithTheSsdsFieldNamesAndNoNames() {
        assertThat(schema.tables()).hasSize(26);
        assertThat(schema.stores("ssd_cla_episodes")).as("the looked-after half is stored (V45_16)").isTrue();
        assertThat(schema.knows("ssd_voice_of_child")).isTrue();
        assertThat(schema.stores("ssd_voice_of_child")).isFalse();
        assertThat(schema.knows("ssd_favourite_colours")).isFalse();
        for (SsdSchema.Table t : schema.tables()) {
            assertThat(schema.knows(t.name())).as(t.name()).isTrue();
            for (SsdSchema.Column c : t.columns()) {
                assertThat(c.addition() || schema.fieldsOf(t.name()).contains(c.name())).as(t.name() + "." + c.name()).isTrue();
                assertThat(SsdSchema.NEVER_STORED).doesNotContain(c.name());
            }
            assertThat(t.column(t.key()).orElseThrow().required()).isTrue();
            if (t.person() != null) {
                assertThat(t.column(t.person()).orElseThrow().required()).isTrue();
            }
            t.links().forEach((field, target) -> {
                assertThat(t.column(field)).as(t.name() + "." + field).isPresent();
                String table = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
                assertThat(schema.stores(table)).as(target).isTrue();
                if (target.contains(".")) {
                    assertThat(schema.table(table).column(target.substring(target.indexOf('.') + 1))).as(target).isPresent();
                }
            });
        }
        assertThat(schema.tables().getFirst().name()).as("children are written first").isEqualTo("ssd_person");
        assertThat(schema.table("ssd_person").column("pers_upn")).isPresent();
        assertThat(schema.table("ssd_person").column("pers_forename")).isEmpty();
    }

    @Test
    void theLookedAfterTablesHaveTheirChildPeriodsAndLinks() {
        SsdSchema.Table episodes = schema.table("ssd_cla_episodes");
        assertThat(episodes.person()).isEqualTo("clae_person_id");
        assertThat(episodes.noOverlap()).as("one child's CLA episodes may not overlap").isTrue();
        assertThat(episodes.column("clae_cla_episode_start_date").orElseThrow().required()).isTrue();
        assertThat(episodes.links()).containsEntry("clae_cla_placement_id", "ssd_cla_placement");
        assertThat(schema.table("ssd_cla_placement").links()).containsEntry("clap_cla_id", "ssd_cla_episodes.clae_cla_id");
        assertThat(schema.table("ssd_cla_reviews").column("clar_person_id").orElseThrow().addition()).isTrue();
        assertThat(schema.table("ssd_legal_status").noOverlap()).isTrue();
        assertThat(schema.table("ssd_missing").noOverlap()).as("missing episodes may overlap a placement's, not checked").isFalse();
    }

    @Test
    void aFilesNameNamesItsTable() {
        assertThat(SsdSchema.tableOf("ssd_contacts.csv")).isEqualTo("ssd_contacts");
        assertThat(SsdSchema.tableOf("extract.zip/out/SSD_CP_Plans.CSV")).isEqualTo("ssd_cp_plans");
        assertThat(SsdSchema.tableOf("C:\\exports\\ssd_person.csv")).isEqualTo("ssd_person");
    }

    @Test
    void datesAsSystemsWriteThemAndImpossibleOnesRefused() {
        assertThat(SsdValues.date("2025-04-01")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(SsdValues.date("01/04/2025")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(SsdValues.date("2025-04-01 00:00:00.000")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(SsdValues.date("2025-04-01T09:30")).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(SsdValues.date("31/02/2025")).isNull();
        assertThat(SsdValues.date("2025-13-01")).isNull();
        assertThat(SsdValues.date("1/4/2025")).isNull();
        assertThat(SsdValues.date("yesterday")).isNull();
        assertThat(SsdValues.integer("3")).isEqualTo("3");
        assertThat(SsdValues.integer("3.0")).isEqualTo("3");
        assertThat(SsdValues.integer("three")).isNull();
        assertThat(SsdValues.decimal("0.5")).isEqualTo("0.5");
        assertThat(SsdValues.decimal("half")).isNull();
    }
}
