package org.oversight.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refusal says why, for each role, in words that say what the person can do instead. */
class RefusalTest {

    private final NavigationModel navigation = new NavigationModel(null, null);

    private static Viewer of(Role role) {
        return role.laScoped() ? new Viewer("Someone", role, 80450, "City of London") : new Viewer("Someone", role, null, null);
    }

    @Test
    void anLaPersonAskingForAnotherLasRecordsIsToldWhoseTheyCanSee() {
        for (Role role : new Role[] {Role.LA_MANAGER, Role.LA_STAFF, Role.COUNCILLOR}) {
            Refusal refusal = navigation.refusal(of(role), "/local-authorities/80514/compliance");
            assertThat(refusal.key()).as(role.name()).isEqualTo("refusal.otherLa");
            assertThat(refusal.arg(0)).isEqualTo("City of London");
        }
    }

    @Test
    void withinTheirOwnLaEachRoleIsToldWhatItsRoleAllows() {
        assertThat(navigation.refusal(of(Role.COUNCILLOR), "/local-authorities/80450/compliance").key()).isEqualTo("refusal.councillor");
        assertThat(navigation.refusal(of(Role.LA_STAFF), "/plans/x/committee-report").key()).isEqualTo("refusal.staff");
        assertThat(navigation.refusal(of(Role.LA_MANAGER), "/compliance/national").key()).isEqualTo("refusal.manager");
        assertThat(navigation.refusal(of(Role.NATIONAL_ANALYST), "/local-authorities/80450/plans").key()).isEqualTo("refusal.national");
        assertThat(navigation.refusal(of(Role.ADMIN), "/local-authorities/80450/plans").key()).isEqualTo("refusal.national");
    }

    @Test
    void theNavigationOffersImportAndNationalComplianceOnlyToWhoMayOpenThem() {
        assertThat(of(Role.COUNCILLOR).canImport()).isFalse();
        assertThat(of(Role.INSPECTOR).canImport()).isFalse();
        assertThat(of(Role.LA_STAFF).canImport()).isTrue();
        assertThat(of(Role.NATIONAL_ANALYST).national()).isTrue();
        assertThat(of(Role.LA_MANAGER).national()).isFalse();
    }
}
