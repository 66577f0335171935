package org.oversight.register;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.shared.problem.NotFoundException;
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

    private final JdbcClient jdbc;

    LocalAuthorities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current LAs (153), by name. */
    public List<LocalAuthority> allActive() {
        return withNeighbours(jdbc.sql(SELECT + " WHERE active ORDER BY name").query(this::map).list());
    }

    /** The LA with that URN, or a 404 naming it. */
    public LocalAuthority get(int urn) {
        return findByUrn(urn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + urn));
    }

    public Optional<LocalAuthority> findByUrn(int urn) {
        return jdbc.sql(SELECT + " WHERE urn = ?").param(urn).query(this::map).optional()
                .map(la -> withNeighbours(List.of(la)).getFirst());
    }

    public Optional<LocalAuthority> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
                .map(la -> withNeighbours(List.of(la)).getFirst());
    }

    public Optional<LocalAuthority> findByLaCode(String laCode) {
        return jdbc.sql(SELECT + " WHERE la_code = ?").param(laCode).query(this::map).optional()
                .map(la -> withNeighbours(List.of(la)).getFirst());
    }

    public List<Region> regions() {
        return jdbc.sql("""
                SELECT region_code, region_name, count(*) AS n FROM local_authority
                 WHERE active GROUP BY region_code, region_name ORDER BY region_name
                """).query((rs, i) -> new Region(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    }

    public int countActive() {
        return jdbc.sql("SELECT count(*) FROM local_authority WHERE active").query(Integer.class).single();
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
