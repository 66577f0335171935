package org.oversight.childdata.ssda903.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The bundled postcode sectors (ONS Postcode Directory via data-to-insight's redistribution): each postcode below was
 * looked up in the directory itself, with the LA and grid reference it gives.
 */
class PostcodesTest {

    private final Postcodes postcodes = Postcodes.shared();

    @Test
    void findsRealPostcodesWithTheirUpperTierLa() {
        assertThat(postcodes.sectors()).isGreaterThan(12_000);
        assertThat(postcodes.find("SW1A 1AA").la()).isEqualTo("E09000033"); // Westminster
        assertThat(postcodes.find("sw1a1aa").la()).as("case and spaces ignored").isEqualTo("E09000033");
        assertThat(postcodes.find("TR21 0HE").la()).isEqualTo("E06000053"); // Isles of Scilly
        // LAs newer than DfE's validator's 2021 lookup: Cumberland, Westmorland and Furness, and Sheffield and
        // Barnsley (recoded in 2024) with the codes the LA register uses
        assertThat(postcodes.find("CA1 1AA").la()).isEqualTo("E06000063");
        assertThat(postcodes.find("LA9 5AA").la()).isEqualTo("E06000064");
        assertThat(postcodes.find("S1 1AA").la()).isEqualTo("E08000019");
        assertThat(postcodes.find("S70 2AA").la()).isEqualTo("E08000016");
    }

    @Test
    void otherNationsAndCrownDependencies() {
        assertThat(postcodes.find("EH99 1SP").la()).isEqualTo("SCO");
        assertThat(postcodes.find("CF10 1EP").la()).isEqualTo("WAL");
        assertThat(postcodes.find("BT1 1AA").la()).isEqualTo("NIR");
        Postcodes.Place guernsey = postcodes.find("GY1 1AA");
        assertThat(guernsey.known()).isTrue();
        assertThat(guernsey.la()).isNull();
        assertThat(guernsey.located()).isFalse();
    }

    @Test
    void madeUpPostcodesAreNotFound() {
        assertThat(postcodes.find("EG19 7TT")).as("no EG area").isNull();
        assertThat(postcodes.find("WV27 9FW")).as("no WV27 district").isNull();
        assertThat(postcodes.find("SW1A 1ZZ")).as("a real sector, no such unit").isNull();
        assertThat(postcodes.find("SW1A 1CA")).as("C is never a unit letter").isNull();
        assertThat(postcodes.find("12345")).isNull();
        assertThat(postcodes.find("")).isNull();
        assertThat(postcodes.find(null)).isNull();
    }

    @Test
    void distanceInMilesBetweenSectorCentroids() {
        // Westminster to Cardiff: about 130 miles between the two postcodes' own grid references
        // (529090,179645 and 318200,175860: 131.1 miles); between sector centroids within a mile or two
        double miles = Double.parseDouble(Postcodes.miles(postcodes.find("SW1A 1AA"), postcodes.find("CF10 1EP")));
        assertThat(miles).isBetween(129.0, 133.0);
        assertThat(Postcodes.miles(postcodes.find("SW1A 1AA"), postcodes.find("SW1A 1AA"))).isEqualTo("0.0");
    }

    @Test
    void generatesRealPostcodesInAnLasOwnArea() {
        SplittableRandom r = new SplittableRandom(1);
        assertThat(postcodes.sectorsOf("E09000001")).isNotEmpty();
        for (int i = 0; i < 50; i++) {
            String sector = postcodes.sectorsOf("E09000001").get(r.nextInt(postcodes.sectorsOf("E09000001").size()));
            String p = postcodes.postcodeIn(sector, r);
            assertThat(postcodes.find(p)).as(p).isNotNull();
            assertThat(postcodes.find(p).la()).as(p).isEqualTo("E09000001");
        }
    }
}
