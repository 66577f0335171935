package org.oversight.register;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.db.ChangeCheckedState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register. Published reference data: no access rule applies to it. */
@Service
@Transactional(readOnly = true)
public class LocalAuthorities {

    private static final String SELECT = """
            SELECT id, urn, la_code, la_code_new, name, also_known_as, region_code, region_name, la_type,
                   population_0_25, active
              FROM local_authority
            """;

    /**
     * Where the register's two tables stand: rows and the newest row version of each. Any insert, update or delete, from
     * this instance or another, by the loader or by hand, changes it. It scans both tables, so it is asked only when
     * a statement has written them since, or a second has passed ({@link ChangeCheckedState}).
     */
    private static final String STATE = """
            SELECT (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM local_authority) || '/'
                || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM statistical_neighbour)
            """;

    /** The whole register (active or not) as read at one state of its tables, with its indexes. */
    private record Register(String state, List<LocalAuthority> all, Map<Integer, LocalAuthority> byUrn, Map<UUID, LocalAuthority> byId,
                            Map<String, LocalAuthority> byLaCode) {
    }

    private final JdbcClient jdbc;
    private final ChangeCheckedState state;
    /** The register as last read: the 153 LAs and their neighbours are read on most pages and change about once a year. */
    private volatile Register kept;

    LocalAuthorities(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.state = new ChangeCheckedState(jdbc, () -> jdbc.sql(STATE).query(String.class).single(), ChangeCheckedState.DEFAULT_RECHECK);
    }

    /** The current LAs (153), by name. */
    public List<LocalAuthority> allActive() {
        return register().all().stream().filter(LocalAuthority::active).toList();
    }

    /** The LA with that URN, or a 404 naming it. */
    public LocalAuthority get(int urn) {
        return findByUrn(urn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + urn));
    }

    public Optional<LocalAuthority> findByUrn(int urn) {
        return Optional.ofNullable(register().byUrn().get(urn));
    }

    public Optional<LocalAuthority> findById(UUID id) {
        return Optional.ofNullable(register().byId().get(id));
    }

    public Optional<LocalAuthority> findByLaCode(String laCode) {
        return Optional.ofNullable(register().byLaCode().get(laCode));
    }

    public List<Region> regions() {
        Map<String, Region> byCode = new LinkedHashMap<>();
        for (LocalAuthority la : allActive()) {
            byCode.merge(la.regionCode() + "\u0000" + la.regionName(), new Region(la.regionCode(), la.regionName(), 1),
                    (a, b) -> new Region(a.code(), a.name(), a.localAuthorities() + 1));
        }
        return byCode.values().stream().sorted(Comparator.comparing(Region::name)).toList();
    }

    public int countActive() {
        return allActive().size();
    }

    /** The register as kept, or read again when its tables have changed since. */
    private Register register() {
        String state = this.state.current();
        Register register = kept;
        if (register != null && register.state().equals(state)) {
            return register;
        }
        List<LocalAuthority> all = withNeighbours(jdbc.sql(SELECT + " ORDER BY name").query(this::map).list());
        Map<Integer, LocalAuthority> byUrn = new HashMap<>();
        Map<UUID, LocalAuthority> byId = new HashMap<>();
        Map<String, LocalAuthority> byLaCode = new HashMap<>();
        for (LocalAuthority la : all) {
            byUrn.put(la.urn(), la);
            byId.put(la.id(), la);
            if (la.laCode() != null) {
                byLaCode.put(la.laCode(), la);
            }
        }
        register = new Register(state, all, Map.copyOf(byUrn), Map.copyOf(byId), Map.copyOf(byLaCode));
        kept = register;
        return register;
    }

    private List<LocalAuthority> withNeighbours(List<LocalAuthority> las) {
        if (las.isEmpty()) {
            return las;
        }
        Map<UUID, List<LocalAuthority.NeighbourRef>> byLa = new HashMap<>();
        jdbc.sql("""
                SELECT sn.la_id, sn.rank, n.id, n.urn, n.la_code, n.name
                  FROM statistical_neighbour sn JOIN local_authority n ON n.id = sn.neighbour_la_id
                 WHERE sn.la_id = ANY (?) ORDER BY sn.la_id, sn.rank
                """)
                .param(las.stream().map(LocalAuthority::id).toArray(UUID[]::new))
                .query(rs -> {
                    byLa.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new LocalAuthority.NeighbourRef(rs.getInt(2), rs.getObject(3, UUID.class), rs.getInt(4),
                                    rs.getString(5), rs.getString(6)));
                });
        return las.stream().map(la -> new LocalAuthority(la.id(), la.urn(), la.laCode(), la.laCodeNew(), la.name(),
                la.alsoKnownAs(), la.regionCode(), la.regionName(), la.laType(), la.population0to25(), la.active(),
                List.copyOf(byLa.getOrDefault(la.id(), List.of())))).toList();
    }

    private LocalAuthority map(ResultSet rs, int row) throws SQLException {
        Array aka = rs.getArray("also_known_as");
        Integer population = rs.getObject("population_0_25", Integer.class);
        return new LocalAuthority(
                rs.getObject("id", UUID.class), rs.getInt("urn"), rs.getString("la_code"), rs.getString("la_code_new"),
                rs.getString("name"), aka == null ? List.of() : Arrays.asList((String[]) aka.getArray()),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("la_type"),
                population, rs.getBoolean("active"), List.of());
    }
}
