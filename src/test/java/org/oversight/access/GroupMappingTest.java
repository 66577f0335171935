package org.oversight.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupMappingTest {

    private final GroupMapping defaults = new GroupMapping(GroupMapping.DEFAULT_PATTERN, Map.of());

    @Test
    void theDefaultPatternGivesLaRolesWithTheirLaAndNationalRolesWithout() {
        assertThat(defaults.grant(List.of("staff-everyone", "oversight-la-manager-80450")))
                .contains(new GroupMapping.Grant(Role.LA_MANAGER, 80450));
        assertThat(defaults.grant(List.of("oversight-national-analyst"))).contains(new GroupMapping.Grant(Role.NATIONAL_ANALYST, null));
        assertThat(defaults.grant(List.of("oversight-councillor-80514"))).contains(new GroupMapping.Grant(Role.COUNCILLOR, 80514));
    }

    @Test
    void groupsThatDoNotFitGrantNothing() {
        assertThat(defaults.grant(List.of())).isEmpty();
        assertThat(defaults.grant(List.of("everyone", "oversight-superuser-80450"))).isEmpty();
        assertThat(defaults.grant(List.of("oversight-la-manager"))).as("an LA role needs its LA").isEmpty();
        assertThat(defaults.grant(List.of("oversight-admin-80450"))).as("a national role has no LA").isEmpty();
        assertThat(defaults.grant(List.of("xoversight-la-staff-80450"))).as("whole names only").isEmpty();
    }

    @Test
    void theMostPowerfulRoleWinsButTwoLasAtThatRoleAreAmbiguous() {
        assertThat(defaults.grant(List.of("oversight-la-staff-80450", "oversight-la-manager-80450")))
                .contains(new GroupMapping.Grant(Role.LA_MANAGER, 80450));
        assertThat(defaults.grant(List.of("oversight-la-manager-80450", "oversight-la-manager-80514"))).isEmpty();
        assertThat(defaults.grant(List.of("oversight-la-manager-80450", "oversight-la-staff-80514")))
                .contains(new GroupMapping.Grant(Role.LA_MANAGER, 80450));
    }

    @Test
    void anExplicitMapComesBeforeThePattern() {
        var mapping = new GroupMapping(null, GroupMapping.parseMap(
                " 6f1c0b2e-1111-4e1b-9c3a-000000000001=LA_STAFF:80450 , analysts=national-analyst"));
        assertThat(mapping.grant(List.of("6f1c0b2e-1111-4e1b-9c3a-000000000001"))).contains(new GroupMapping.Grant(Role.LA_STAFF, 80450));
        assertThat(mapping.grant(List.of("analysts"))).contains(new GroupMapping.Grant(Role.NATIONAL_ANALYST, null));
        assertThat(mapping.grant(List.of("oversight-la-manager-80450"))).as("no pattern").isEmpty();
    }

    @Test
    void aBadMapSaysWhichEntryAndWhy() {
        assertThatThrownBy(() -> GroupMapping.parseMap("a=LA_MANAGER:80450,b=BOSS")).hasMessageContaining("'b=BOSS'")
                .hasMessageContaining("unknown role 'BOSS'");
        assertThatThrownBy(() -> GroupMapping.parseMap("c=LA_STAFF")).hasMessageContaining("'c=LA_STAFF'").hasMessageContaining("needs an LA");
        assertThatThrownBy(() -> GroupMapping.parseMap("d=ADMIN:80450")).hasMessageContaining("must not name an LA");
        assertThatThrownBy(() -> GroupMapping.parseMap("e=LA_STAFF:eighty")).hasMessageContaining("'eighty' is not an LA URN");
        assertThatThrownBy(() -> GroupMapping.parseMap("just-a-group")).hasMessageContaining("group=ROLE");
        assertThatThrownBy(() -> new GroupMapping("oversight-(.*)", Map.of())).hasMessageContaining("(?<role>");
    }
}
