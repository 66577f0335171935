package org.oversight.support;

import java.util.List;
import java.util.UUID;

import org.oversight.register.LocalAuthority;

/** Plain records the view tests put in their models: City of London as the LA. */
public final class ViewFixtures {

    private ViewFixtures() {
    }

    public static final UUID CITY_ID = UUID.fromString("00000000-0000-0000-0000-000000080450");

    public static LocalAuthority city() {
        return new LocalAuthority(CITY_ID, 80450, "201", "E09000001", "City of London", List.of(), "E12000007", "London", "Inner London",
                2_500, true, List.of());
    }
}
