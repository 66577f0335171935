package org.oversight.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads {@code la-lookup.csv} into the register. Idempotent: a second load of the same file changes no
 * row; a changed file updates the rows that changed. The whole file is one transaction, and any bad row
 * stops the load with a message naming the file, row and field, leaving the register as it was.
 */
@Service
public class RegisterLoader {

    public static final String RESOURCE = "/reference/la-lookup.csv";
    private static final Logger log = LoggerFactory.getLogger(RegisterLoader.class);
    private static final List<String> REQUIRED_COLUMNS = List.of("urn", "la_code", "la_code_new", "stat_neighbours",
            "local_authority_ons_name", "also_known_as", "region_code", "region_name", "ons_population_0-25", "ons_la_type");

    private final JdbcClient jdbc;

    RegisterLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a load did. */
    public record LoadResult(int inserted, int updated, int unchanged, int neighbourLinksChanged) {
        public boolean changedAnything() {
            return inserted + updated + neighbourLinksChanged > 0;
        }
    }

    /** Loads the copy of la-lookup.csv shipped with Oversight. */
    @Transactional
    public LoadResult loadBundled() {
        try (InputStream in = RegisterLoader.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new RegisterFileException(RESOURCE + ": the bundled register file is missing from the build");
            }
            return load(in, "la-lookup.csv");
        } catch (IOException e) {
            throw new RegisterFileException("la-lookup.csv: could not be read: " + e.getMessage());
        }
    }

    @Transactional
    public LoadResult load(InputStream in, String fileName) throws IOException {
        List<Row> rows = parse(in, fileName);
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, UUID> idsByCode = new HashMap<>();
        for (Row row : rows) {
            Map<String, Object> existing = jdbc.sql("""
                    SELECT id, urn, la_code, la_code_new, name, also_known_as, region_code, region_name, la_type,
                           population_0_25, web_domain, active FROM local_authority WHERE urn = ? OR la_code = ?
                    """).param(row.urn).param(row.laCode).query().listOfRows().stream().findFirst().orElse(null);
            if (existing == null) {
                UUID id = jdbc.sql("""
                        INSERT INTO local_authority (urn, la_code, la_code_new, name, also_known_as, region_code, region_name,
                                                     la_type, population_0_25, web_domain, active)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                        """).params(row.urn, row.laCode, row.laCodeNew, row.name, row.alsoKnownAs, row.regionCode,
                        row.regionName, row.laType, row.population, row.webDomain, row.active).query(UUID.class).single();
                idsByCode.put(row.laCode, id);
                inserted++;
            } else {
                UUID id = (UUID) existing.get("id");
                idsByCode.put(row.laCode, id);
                if (row.sameAs(existing)) {
                    unchanged++;
                } else {
                    jdbc.sql("""
                            UPDATE local_authority SET urn = ?, la_code = ?, la_code_new = ?, name = ?, also_known_as = ?,
                                   region_code = ?, region_name = ?, la_type = ?, population_0_25 = ?, web_domain = ?,
                                   active = ?, updated_at = now()
                             WHERE id = ?
                            """).params(row.urn, row.laCode, row.laCodeNew, row.name, row.alsoKnownAs, row.regionCode,
                            row.regionName, row.laType, row.population, row.webDomain, row.active, id).update();
                    updated++;
                }
            }
        }
        int linksChanged = 0;
        for (Row row : rows) {
            List<UUID> wanted = new ArrayList<>();
            for (String code : row.neighbourCodes) {
                UUID neighbour = idsByCode.get(code);
                if (neighbour == null) {
                    throw new RegisterFileException(fileName + " row " + row.line + ", field stat_neighbours: LA code '" + code
                            + "' is not an LA in the file");
                }
                wanted.add(neighbour);
            }
            UUID laId = idsByCode.get(row.laCode);
            List<UUID> current = jdbc.sql("SELECT neighbour_la_id FROM statistical_neighbour WHERE la_id = ? ORDER BY rank")
                    .param(laId).query(UUID.class).list();
            if (!current.equals(wanted)) {
                jdbc.sql("DELETE FROM statistical_neighbour WHERE la_id = ?").param(laId).update();
                for (int i = 0; i < wanted.size(); i++) {
                    jdbc.sql("INSERT INTO statistical_neighbour (la_id, rank, neighbour_la_id) VALUES (?, ?, ?)")
                            .params(laId, i + 1, wanted.get(i)).update();
                }
                linksChanged++;
            }
        }
        LoadResult result = new LoadResult(inserted, updated, unchanged, linksChanged);
        log.info("Register loaded from {}: {} new, {} updated, {} unchanged, {} neighbour lists changed",
                fileName, inserted, updated, unchanged, linksChanged);
        return result;
    }

    private List<Row> parse(InputStream in, String fileName) throws IOException {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new RegisterFileException(fileName + " row 1: missing column(s) " + String.join(", ", missing));
            }
            Map<String, Row> byCode = new LinkedHashMap<>();
            Map<Integer, Row> byUrn = new HashMap<>();
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                Row row = Row.of(rec, line, fileName);
                if (byCode.put(row.laCode, row) != null) {
                    throw new RegisterFileException(fileName + " row " + line + ", field la_code: '" + row.laCode + "' appears twice");
                }
                if (byUrn.put(row.urn, row) != null) {
                    throw new RegisterFileException(fileName + " row " + line + ", field urn: '" + row.urn + "' appears twice");
                }
            }
            if (byCode.isEmpty()) {
                throw new RegisterFileException(fileName + ": the file has no LA rows");
            }
            return List.copyOf(byCode.values());
        }
    }

    private record Row(long line, int urn, String laCode, String laCodeNew, String name, String[] alsoKnownAs,
                       String regionCode, String regionName, String laType, Integer population, String webDomain,
                       boolean active, List<String> neighbourCodes) {

        static Row of(CSVRecord rec, long line, String fileName) {
            String urnText = rec.get("urn").trim();
            int urn;
            try {
                urn = Integer.parseInt(urnText);
            } catch (NumberFormatException e) {
                throw new RegisterFileException(fileName + " row " + line + ", field urn: '" + urnText + "' is not a number");
            }
            String laCode = required(rec, "la_code", line, fileName);
            String name = required(rec, "local_authority_ons_name", line, fileName);
            String regionName = required(rec, "region_name", line, fileName);
            String populationText = rec.get("ons_population_0-25").trim();
            Integer population = null;
            if (!populationText.isEmpty()) {
                try {
                    population = Integer.parseInt(populationText);
                } catch (NumberFormatException e) {
                    throw new RegisterFileException(fileName + " row " + line + ", field ons_population_0-25: '" + populationText
                            + "' is not a whole number");
                }
            }
            String laCodeNew = blankToNull(rec.get("la_code_new"));
            List<String> neighbours = split(rec.get("stat_neighbours"));
            if (!neighbours.isEmpty() && neighbours.size() != 10) {
                throw new RegisterFileException(fileName + " row " + line + ", field stat_neighbours: expected 10 LA codes, found "
                        + neighbours.size());
            }
            String aka = rec.get("also_known_as").trim();
            String[] alsoKnownAs = aka.isEmpty() ? new String[0]
                    : Arrays.stream(aka.replace("[", "").replace("]", "").split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toArray(String[]::new);
            String regionCode = rec.get("region_code").trim();
            if (regionCode.isEmpty() || regionCode.equals("NotKnown")) {
                regionCode = regionName.replaceAll("[^A-Z]", "");
            }
            // A current LA has an ONS code and a published statistical-neighbour list; abolished ones (Cumbria,
            // Northamptonshire, Poole) have neither but are kept for their inspection history.
            boolean active = laCodeNew != null && !neighbours.isEmpty();
            String webDomain = rec.isMapped("domain") ? blankToNull(rec.get("domain")) : null;
            return new Row(line, urn, laCode, laCodeNew, name, alsoKnownAs, regionCode, regionName,
                    blankToNull(rec.get("ons_la_type")), population, webDomain, active, neighbours);
        }

        boolean sameAs(Map<String, Object> db) {
            Object akaDb = db.get("also_known_as");
            String[] dbAka;
            try {
                dbAka = akaDb instanceof java.sql.Array array ? (String[]) array.getArray() : new String[0];
            } catch (java.sql.SQLException e) {
                return false;
            }
            return Objects.equals(db.get("urn"), urn) && Objects.equals(db.get("la_code"), laCode)
                    && Objects.equals(db.get("la_code_new"), laCodeNew) && Objects.equals(db.get("name"), name)
                    && Arrays.equals(dbAka, alsoKnownAs) && Objects.equals(db.get("region_code"), regionCode)
                    && Objects.equals(db.get("region_name"), regionName) && Objects.equals(db.get("la_type"), laType)
                    && Objects.equals(db.get("population_0_25"), population) && Objects.equals(db.get("web_domain"), webDomain)
                    && Objects.equals(db.get("active"), active);
        }

        private static String required(CSVRecord rec, String column, long line, String fileName) {
            String value = rec.get(column).trim();
            if (value.isEmpty()) {
                throw new RegisterFileException(fileName + " row " + line + ", field " + column + ": is empty");
            }
            return value;
        }

        private static List<String> split(String value) {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
