package org.oversight.register;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The register load against real PostgreSQL with the real la-lookup.csv. */
@SpringBootTest
class RegisterLoaderIT extends IntegrationTest {

    @Autowired
    RegisterLoader loader;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void all153CurrentLasAreLoadedWithTheirTenNeighboursResolved() {
        assertThat(localAuthorities.countActive()).isEqualTo(153);
        assertThat(localAuthorities.allActive()).allSatisfy(la -> assertThat(la.statisticalNeighbours()).hasSize(10));
        LocalAuthority city = localAuthorities.findByUrn(80450).orElseThrow();
        assertThat(city.name()).isEqualTo("City of London");
        assertThat(city.laCode()).isEqualTo("201");
        assertThat(city.laCodeNew()).isEqualTo("E09000001");
        assertThat(city.regionName()).isEqualTo("London");
        assertThat(city.statisticalNeighbours()).extracting(LocalAuthority.NeighbourRef::name)
                .startsWith("Camden", "Hammersmith and Fulham", "Kensington and Chelsea").contains("Brighton and Hove");
        assertThat(localAuthorities.findByUrn(135513)).get().extracting(LocalAuthority::active).isEqualTo(false);
        assertThat(localAuthorities.regions()).hasSize(9);
        assertThat(localAuthorities.findByUrn(2532287).orElseThrow().alsoKnownAs()).contains("BCP");
    }

    @Test
    void loadingTheSameFileAgainChangesNothing() {
        RegisterLoader.LoadResult again = loader.loadBundled();
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.unchanged()).isEqualTo(156);
    }

    @Test
    void aChangedFileUpdatesOnlyTheChangedRows() throws Exception {
        String original = Files.readString(Path.of("data/la-lookup.csv"));
        String changed = original.replace(",City of London,", ",City of London Corporation,");
        assertThat(changed).isNotEqualTo(original);
        try {
            RegisterLoader.LoadResult result = loader.load(stream(changed), "la-lookup.csv");
            assertThat(result.updated()).isEqualTo(1);
            assertThat(result.inserted()).isZero();
            assertThat(localAuthorities.findByUrn(80450).orElseThrow().name()).isEqualTo("City of London Corporation");
        } finally {
            loader.loadBundled();
        }
        assertThat(localAuthorities.findByUrn(80450).orElseThrow().name()).isEqualTo("City of London");
    }

    @Test
    void theRegisterKeptInMemoryFollowsAnyChangeToItsTablesEvenOneMadeByHand() {
        LocalAuthority before = localAuthorities.findByUrn(80450).orElseThrow();
        assertThat(localAuthorities.findByUrn(80450).orElseThrow()).as("read twice unchanged: the same register").isSameAs(before);
        try {
            // As another instance, or an administrator at the database, would change it: not through this class.
            org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("UPDATE local_authority SET name = 'City of London (changed by hand)' WHERE urn = 80450")
                    .update());
            assertThat(localAuthorities.findByUrn(80450).orElseThrow().name()).isEqualTo("City of London (changed by hand)");
            assertThat(localAuthorities.allActive()).extracting(LocalAuthority::name).contains("City of London (changed by hand)");
            UUID camden = localAuthorities.findByUrn(80450).orElseThrow().statisticalNeighbours().getFirst().id();
            org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("DELETE FROM statistical_neighbour WHERE la_id = ? AND neighbour_la_id = ?")
                    .params(before.id(), camden).update());
            assertThat(localAuthorities.findById(before.id()).orElseThrow().statisticalNeighbours()).hasSize(9)
                    .extracting(LocalAuthority.NeighbourRef::id).doesNotContain(camden);
        } finally {
            loader.loadBundled();
        }
        assertThat(localAuthorities.findByUrn(80450).orElseThrow().name()).isEqualTo("City of London");
        assertThat(localAuthorities.findByUrn(80450).orElseThrow().statisticalNeighbours()).hasSize(10);
    }

    @Test
    void aBadRowStopsTheLoadNamingFileRowAndFieldAndChangesNothing() throws Exception {
        String original = Files.readString(Path.of("data/la-lookup.csv"));
        String renamed = original.replace(",Barnet,", ",Barnet Renamed,");
        String broken = renamed.replaceFirst("\\n80426,", "\nnot-a-urn,");
        assertThatThrownBy(() -> loader.load(stream(broken), "bad.csv"))
                .isInstanceOf(RegisterFileException.class)
                .hasMessageContaining("bad.csv row 4, field urn: 'not-a-urn' is not a number");
        assertThat(localAuthorities.findByUrn(80487).orElseThrow().name()).isEqualTo("Barnet");
        String unknownNeighbour = renamed.replace("\"308, 821, 313,", "\"999, 821, 313,");
        assertThatThrownBy(() -> loader.load(stream(unknownNeighbour), "bad.csv"))
                .hasMessageContaining("field stat_neighbours: LA code '999' is not an LA in the file");
        assertThat(localAuthorities.findByUrn(80487).orElseThrow().name()).isEqualTo("Barnet");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
