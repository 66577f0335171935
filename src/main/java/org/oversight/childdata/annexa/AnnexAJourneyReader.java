package org.oversight.childdata.annexa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.childdata.cin.CinCodes;
import org.oversight.childdata.ssd.SsdData;
import org.oversight.childdata.ssd.SsdSchema;
import org.oversight.childdata.ssda903.ErrorList;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Reads Ofsted's Annex A lists 1 to 7 (contacts, early help, referrals, assessments, section 47 enquiries and ICPCs,
 * children in need, child protection plans) from the workbook into rows of the SSD-shaped store ({@link SsdData}).
 * Sheets are found by their name as the template has them ("List 1" … "List 7"), columns by their heading in any order;
 * any subset of the lists may be given. Values are the template's labels ("a) Male", "k) APKN", "q) 6: Police",
 * "N1 - Abuse or Neglect", "a) Yes"), with or without their letter; dates dd/mm/yyyy text or date cells.
 *
 * <p>Checked, each problem naming sheet, row, column and value: a missing required heading (the child's ID and the
 * list's main date; the sheet is not read), an unknown label, an impossible date or one out of range, a date before
 * the child's birth or an end before its start, the same item twice (a child with two rows of the same date in a list),
 * and a child whose gender, ethnicity or birth date differs between rows. A row with an error is left out whole.
 *
 * <p>What Annex A does not carry is made up deterministically, as for the CIN census: the ids of items, from the
 * child's ID and each item's place among the child's items of its kind by date ({@code <child>-R1} the child's first
 * CIN episode, {@code -R1-A1}, {@code -R1-S1} and {@code -R1-S1-C}, {@code -R1-CP1} the items within it, see
 * {@code docs/ssd-store.md}). One child is one {@code ssd_person} row whatever the lists it is in; a referral of list 3
 * and a CIN episode of list 6 of the same child and date are one episode; assessments, enquiries and plans belong to
 * the child's latest episode begun by their start.
 */
public final class AnnexAJourneyReader {

    /** Headings read beyond those of lists 8 and 9. */
    static final String GENDER = "Gender";
    static final String ETHNICITY = "Ethnicity";
    static final String DOB = "Date of Birth";
    static final String DISABILITY = "Does the Child have a Disability";

    /** How a value is read. */
    enum Kind { TEXT, DATE, YES_NO, GENDER, ETHNICITY, SOURCE, NEED, CLOSE_REASON, CASE_STATUS, INTEGER, DERIVED }

    /** A column the reader knows: its heading, how its value is read, and the short name it is kept under. */
    record Field(String heading, Kind kind, String key) {
    }

    /** One list: its number, the headings it must have, and the fields it reads. */
    record ListSpec(int number, String name, List<String> required, List<Field> fields) {
    }

    private static final List<Field> PERSON = List.of(new Field(AnnexAWorkbook.CHILD, Kind.TEXT, "child"), new Field(GENDER, Kind.GENDER, "sex"),
            new Field(ETHNICITY, Kind.ETHNICITY, "ethnicity"), new Field(DOB, Kind.DATE, "dob"), new Field("Age", Kind.DERIVED, "age"));
    private static final Field DISABLED = new Field(DISABILITY, Kind.YES_NO, "disabled");
    private static final Field TEAM = new Field(AnnexAWorkbook.TEAM, Kind.TEXT, "team");
    private static final Field WORKER = new Field(AnnexAWorkbook.WORKER, Kind.TEXT, "worker");

    static final List<ListSpec> LISTS = List.of(
            spec(1, "Contacts", "Date of Contact", List.of(new Field("Date of Contact", Kind.DATE, "date"), new Field("Contact Source", Kind.SOURCE, "source"))),
            spec(2, "Early help", "Assessment start date", List.of(new Field("Assessment start date", Kind.DATE, "start"),
                    new Field("Assessment completion date", Kind.DATE, "end"), new Field("Organisation completing assessment", Kind.TEXT, "organisation"))),
            spec(3, "Referrals", "Date of Referral", List.of(new Field("Date of Referral", Kind.DATE, "date"), new Field("Referral Source", Kind.SOURCE, "source"),
                    new Field("Referral NFA?", Kind.YES_NO, "nfa"), new Field("Number of Referrals in Last 12 Months", Kind.DERIVED, "count"), TEAM, WORKER)),
            spec(4, "Assessments", "Continuous Assessment Start Date", List.of(DISABLED, new Field("Continuous Assessment Start Date", Kind.DATE, "start"),
                    new Field("Child Seen During Continuous Assessment", Kind.YES_NO, "seen"),
                    new Field("Continuous Assessment Date of Authorisation", Kind.DATE, "authorised"),
                    new Field("Was the child assessed as requiring LA children's social care support?", Kind.YES_NO, "support"), TEAM, WORKER)),
            spec(5, "Section 47 enquiries and ICPCs", "Strategy discussion initiating Section 47 Enquiry Start Date", List.of(DISABLED,
                    new Field("Strategy discussion initiating Section 47 Enquiry Start Date", Kind.DATE, "start"),
                    new Field("Was an Initial Child Protection Conference deemed unnecessary?", Kind.YES_NO, "icpcNotRequired"),
                    new Field("Date of Initial Child Protection Conference", Kind.DATE, "icpc"),
                    new Field("Did the Initial Child Protection Conference Result in a Child Protection Plan", Kind.YES_NO, "icpcPlan"),
                    new Field("Number of Section 47 Enquiries in the last 12 months", Kind.DERIVED, "s47s"),
                    new Field("Number of ICPCs in the last 12 months", Kind.DERIVED, "icpcs"), TEAM, WORKER)),
            spec(6, "Children in need", "CIN Start Date", List.of(DISABLED, new Field("CIN Start Date", Kind.DATE, "date"),
                    new Field("Primary Need Code", Kind.NEED, "need"), new Field("Date Child Was Last Seen", Kind.DATE, "seen"),
                    new Field("CIN Closure Date", Kind.DATE, "closed"), new Field("Reason for Closure", Kind.CLOSE_REASON, "reason"),
                    new Field("Case Status", Kind.CASE_STATUS, "status"), TEAM, WORKER)),
            spec(7, "Child protection plans", "Child Protection Plan Start Date", List.of(DISABLED,
                    new Field("Child Protection Plan Start Date", Kind.DATE, "start"), new Field("Initial Category of Abuse", Kind.TEXT, "initial"),
                    new Field("Latest Category of Abuse", Kind.TEXT, "latest"), new Field("Date of the Last Statutory Visit", Kind.DATE, "visit"),
                    new Field("Was the Child Seen Alone?", Kind.YES_NO, "alone"), new Field("Date of latest review conference", Kind.DATE, "review"),
                    new Field("Child Protection Plan End Date", Kind.DATE, "end"),
                    new Field("Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", Kind.YES_NO, "epo"),
                    new Field("Number of Previous Child Protection Plans", Kind.INTEGER, "previous"), TEAM, WORKER)));

    private static ListSpec spec(int number, String name, String mainDate, List<Field> fields) {
        List<Field> all = new ArrayList<>(PERSON);
        all.addAll(fields);
        return new ListSpec(number, name, List.of(AnnexAWorkbook.CHILD, mainDate), List.copyOf(all));
    }

    /** One good row of a list: the child, the row as the spreadsheet numbers it, and its values by key (codes, dates). */
    record Item(int list, String sheet, int row, String child, Map<String, Object> values) {
        LocalDate date(String key) {
            return (LocalDate) values.get(key);
        }

        String text(String key) {
            return (String) values.get(key);
        }
    }

    /**
     * What was read.
     *
     * @param data     the rows for the store (only the good rows)
     * @param lists    the lists found, with their good rows
     * @param rejected rows left out because of an error
     * @param errors   the errors kept (at most the limit), each naming sheet, row, column and value
     * @param notes    what was read but not stored, and lists 8 and 9 (read with the SSDA903 return)
     */
    public record Result(SsdData data, Map<Integer, Integer> lists, int rejected, List<ValidationError> errors, long errorTotal,
                         List<ValidationError> notes, LocalDate latestDate) {

        /** An error about a whole sheet or file (row 0 or the heading row), which stops the import whatever the mode. */
        public boolean blocking() {
            return errors.stream().anyMatch(e -> e.ruleCode().equals("OV-AA-COLUMN") || e.ruleCode().equals("OV-AA-NOT-XLSX")
                    || e.ruleCode().equals("OV-AA-EMPTY") || e.ruleCode().equals("OV-AA-NO-LISTS"));
        }
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final Pattern LETTER = Pattern.compile("^[a-zA-Z]{1,2}\\)\\s*");
    private static final Pattern SOURCE = Pattern.compile("^([0-9]{1,2}[A-Fa-f]?)(?:\\s*[:\\-]\\s*(.*))?$");
    private static final Pattern NEED = Pattern.compile("^(N[0-9])(?:\\s*[:\\-]\\s*.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REASON = Pattern.compile("^(RC[0-9])(?:\\s*[:\\-]\\s*.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CASE_STATUSES = Set.of("open", "open case", "closed", "closed case", "child in need plan", "child in need",
            "child protection plan", "looked after child", "care leaver");
    /** Annex A says only whether a child is disabled: a yes is stored as the CIN census's "other disability" code. */
    static final String DISABILITY_CODE = "DDA";

    private AnnexAJourneyReader() {
    }

    /** Reads lists 1 to 7 of a workbook file; {@code notAfter} is the latest possible date (today). */
    public static Result read(String fileName, Path file, LocalDate notAfter, UploadLimits limits) throws IOException {
        ErrorList errors = new ErrorList(limits.maxErrors());
        List<ValidationError> notes = new ArrayList<>();
        Map<Integer, List<Item>> items = new LinkedHashMap<>();
        int[] rejected = {0};
        if (Files.size(file) == 0) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-EMPTY", "The file is empty"));
            return result(new SsdData(), Map.of(), 0, errors, notes, null);
        }
        try (XlsxStream workbook = XlsxStream.open(fileName, file, limits)) {
            boolean any = false;
            for (ListSpec spec : LISTS) {
                String sheet = sheet(workbook.sheetNames(), spec.number());
                if (sheet != null) {
                    any = true;
                    items.put(spec.number(), readList(fileName, workbook, sheet, spec, notAfter, errors, rejected, limits));
                }
            }
            for (String n : List.of("8", "9", "10", "11")) {
                String sheet = sheet(workbook.sheetNames(), Integer.parseInt(n));
                if (sheet != null) {
                    notes.add(new ValidationError(fileName + " (" + sheet + ")", 0, "", "", "OV-AA-NOT-READ", "List " + n + " is not read by this import: "
                            + (n.equals("8") || n.equals("9") ? "lists 8 and 9 come in with the SSDA903 return" : "Oversight takes adoption data from the SSDA903 return")));
                }
            }
            if (!any) {
                errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NO-LISTS",
                        "The workbook has none of the sheets 'List 1' to 'List 7' (Annex A contacts, early help, referrals, assessments, section 47, "
                                + "children in need, child protection)"));
            }
        } catch (XlsxStream.NotAWorkbook e) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NOT-XLSX", "The file could not be read: " + e.getMessage()));
        }
        Map<String, Map<String, Object>> persons = persons(items, errors, rejected);
        SsdData data = toSsd(items, persons);
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        items.forEach((n, list) -> counts.put(n, (int) list.stream().filter(i -> persons.containsKey(i.child())).count()));
        LocalDate latest = items.values().stream().flatMap(List::stream).filter(i -> persons.containsKey(i.child()))
                .flatMap(i -> i.values().values().stream()).filter(v -> v instanceof LocalDate).map(v -> (LocalDate) v)
                .filter(d -> notAfter == null || !d.isAfter(notAfter)).max(Comparator.naturalOrder()).orElse(null);
        return result(data, counts, rejected[0], errors, notes, latest);
    }

    private static Result result(SsdData data, Map<Integer, Integer> lists, int rejected, ErrorList errors, List<ValidationError> notes, LocalDate latest) {
        return new Result(data, Map.copyOf(lists), rejected, List.copyOf(errors), errors.total(), List.copyOf(notes), latest);
    }

    static String sheet(List<String> names, int number) {
        for (String sheetName : names) {
            String name = sheetName.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            String n = "list " + number;
            if (name.equals(n) || name.startsWith(n + " ") || name.startsWith(n + "-") || name.startsWith(n + ":") || name.startsWith(n + ".")) {
                return sheetName;
            }
        }
        return null;
    }

    private static List<Item> readList(String fileName, XlsxStream workbook, String sheet, ListSpec spec, LocalDate notAfter, ErrorList errors,
                                       int[] rejected, UploadLimits limits) throws XlsxStream.NotAWorkbook {
        String where = fileName + " (" + sheet + ")";
        Map<String, Integer> columns = new HashMap<>();
        boolean[] headed = {false};
        boolean[] complete = {true};
        int[] dataRows = {0};
        Map<String, Integer> seen = new HashMap<>();
        List<Item> out = new ArrayList<>();
        workbook.read(sheet, row -> {
            if (!complete[0] || row.blank()) {
                return;
            }
            if (!headed[0]) {
                headed[0] = true;
                for (int c = 0; c < row.values().size(); c++) {
                    String name = normal(row.value(c));
                    if (!name.isEmpty()) {
                        columns.putIfAbsent(name, c);
                    }
                }
                for (String m : spec.required()) {
                    if (!columns.containsKey(normal(m))) {
                        errors.add(new ValidationError(where, row.number(), m, "", "OV-AA-COLUMN",
                                "The heading '" + m + "' is missing from list " + spec.number() + ": use the Annex A template's headings"));
                        complete[0] = false;
                    }
                }
                return;
            }
            if (++dataRows[0] > limits.maxRows()) {
                throw new UploadLimitException(where + ": list " + spec.number() + " has more than " + UploadLimits.count(limits.maxRows()) + " rows",
                        "oversight.imports.max-rows");
            }
            int human = row.number();
            long before = errors.total();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Field f : spec.fields()) {
                Integer c = columns.get(normal(f.heading()));
                if (c == null || f.kind() == Kind.DERIVED) {
                    continue;
                }
                String raw = row.value(c);
                raw = raw == null ? "" : raw.strip();
                if (raw.isEmpty() || raw.equalsIgnoreCase("#N/A")) {
                    continue;
                }
                Object v = value(f, raw, where, human, notAfter, errors);
                if (v != null) {
                    values.put(f.key(), v);
                }
            }
            String child = (String) values.get("child");
            if (child == null) {
                errors.add(new ValidationError(where, human, AnnexAWorkbook.CHILD, "", "OV-AA-CHILD", "Every row needs the child's unique ID"));
            }
            String mainKey = spec.fields().stream().filter(f -> f.heading().equals(spec.required().get(1))).findFirst().orElseThrow().key();
            LocalDate main = (LocalDate) values.get(mainKey);
            if (main == null && errors.total() == before) {
                errors.add(new ValidationError(where, human, spec.required().get(1), "", "OV-AA-REQUIRED",
                        "Every row of list " + spec.number() + " needs its '" + spec.required().get(1) + "'"));
            }
            order(spec, values, where, human, errors);
            if (child != null && main != null && errors.total() == before) {
                String key = child + "|" + main + (spec.number() == 1 && values.get("source") instanceof String[] s ? "|" + s[0] : "");
                Integer first = seen.putIfAbsent(key, human);
                if (first != null) {
                    errors.add(new ValidationError(where, human, spec.required().get(1), child + " " + org.oversight.shared.Dates.format(main),
                            "OV-AA-DUPLICATE", "Child " + child + " is in list " + spec.number() + " twice for the same date (rows " + first + " and "
                            + human + ")"));
                }
            }
            if (errors.total() > before) {
                rejected[0]++;
                return;
            }
            out.add(new Item(spec.number(), where, human, child, values));
        });
        if (!headed[0]) {
            errors.add(new ValidationError(where, 0, "", "", "OV-AA-EMPTY", "The sheet is empty"));
        }
        return out;
    }

    /** Dates in order: nothing before the child's birth, no end before its start. */
    private static void order(ListSpec spec, Map<String, Object> v, String where, int row, ErrorList errors) {
        LocalDate dob = (LocalDate) v.get("dob");
        for (Field f : spec.fields()) {
            if (f.kind() == Kind.DATE && !f.key().equals("dob") && v.get(f.key()) instanceof LocalDate d && dob != null && d.isBefore(dob.minusMonths(9))) {
                errors.add(new ValidationError(where, row, f.heading(), org.oversight.shared.Dates.format(d), "OV-AA-DATE-ORDER",
                        "The date is before the child's date of birth (" + org.oversight.shared.Dates.format(dob) + ") by more than a pregnancy"));
            }
        }
        String[][] pairs = switch (spec.number()) {
            case 2 -> new String[][] {{"start", "end"}};
            case 4 -> new String[][] {{"start", "authorised"}};
            case 5 -> new String[][] {{"start", "icpc"}};
            case 6 -> new String[][] {{"date", "closed"}};
            case 7 -> new String[][] {{"start", "end"}, {"start", "review"}};
            default -> new String[0][];
        };
        for (String[] p : pairs) {
            if (v.get(p[0]) instanceof LocalDate a && v.get(p[1]) instanceof LocalDate b && b.isBefore(a)) {
                String heading = spec.fields().stream().filter(f -> f.key().equals(p[1])).findFirst().orElseThrow().heading();
                String first = spec.fields().stream().filter(f -> f.key().equals(p[0])).findFirst().orElseThrow().heading();
                errors.add(new ValidationError(where, row, heading, org.oversight.shared.Dates.format(b), "OV-AA-DATE-ORDER",
                        "'" + heading + "' is before '" + first + "' (" + org.oversight.shared.Dates.format(a) + ")"));
            }
        }
    }

    /** A value read by its kind, or null with an error. */
    static Object value(Field f, String raw, String where, int row, LocalDate notAfter, List<ValidationError> errors) {
        String label = LETTER.matcher(raw).replaceFirst("").strip();
        switch (f.kind()) {
            case TEXT -> {
                return f.key().equals("child") ? raw : label;
            }
            case DATE -> {
                return date(f.heading(), raw, where, row, notAfter, errors);
            }
            case INTEGER -> {
                String digits = raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw;
                if (digits.matches("[0-9]{1,4}")) {
                    return String.valueOf(Integer.parseInt(digits));
                }
                return bad(f, raw, where, row, errors, "Not a whole number");
            }
            case YES_NO -> {
                String l = label.toLowerCase(Locale.ROOT);
                if (Set.of("yes", "y", "true").contains(l)) {
                    return "Y";
                }
                if (Set.of("no", "n", "false").contains(l)) {
                    return "N";
                }
                return bad(f, raw, where, row, errors, "Not one of the template's answers: 'a) Yes' or 'b) No' (or Yes, No, Y, N)");
            }
            case GENDER -> {
                String l = label.toLowerCase(Locale.ROOT);
                return switch (l) {
                    case "male", "m", "1" -> "M";
                    case "female", "f", "2" -> "F";
                    case "not stated/recorded", "not stated", "not recorded", "unknown", "u", "0", "9", "indeterminate" -> "U";
                    default -> bad(f, raw, where, row, errors, "Not one of the template's genders: 'a) Male', 'b) Female' or 'c) Not stated/recorded'");
                };
            }
            case ETHNICITY -> {
                String code = label.toUpperCase(Locale.ROOT);
                if (CinCodes.ETHNICITIES.contains(code)) {
                    return code;
                }
                return bad(f, raw, where, row, errors, "Not one of the template's ethnicity codes (such as 'a) WBRI' or 'k) APKN')");
            }
            case SOURCE -> {
                Matcher m = SOURCE.matcher(label);
                if (m.matches() && CinCodes.REFERRAL_SOURCES.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                    String desc = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
                    return new String[] {m.group(1).toUpperCase(Locale.ROOT), desc};
                }
                return bad(f, raw, where, row, errors, "Not one of the template's sources: a CIN census referral source code, such as 'q) 6: Police' or '1A'");
            }
            case NEED -> {
                Matcher m = NEED.matcher(label);
                if (m.matches()) {
                    return m.group(1).toUpperCase(Locale.ROOT);
                }
                return bad(f, raw, where, row, errors, "Not a primary need code N0 to N9 (such as 'N1 - Abuse or Neglect')");
            }
            case CLOSE_REASON -> {
                Matcher m = REASON.matcher(label);
                if (m.matches() && CinCodes.CLOSURE_REASONS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                    return m.group(1).toUpperCase(Locale.ROOT);
                }
                return bad(f, raw, where, row, errors, "Not a reason for closure RC1 to RC9");
            }
            case CASE_STATUS -> {
                if (CASE_STATUSES.contains(label.toLowerCase(Locale.ROOT))) {
                    return label;
                }
                return bad(f, raw, where, row, errors, "Not one of the template's case statuses (Open case, Closed, Child in need plan, Child protection plan)");
            }
            default -> {
                return null;
            }
        }
    }

    private static Object bad(Field f, String raw, String where, int row, List<ValidationError> errors, String message) {
        errors.add(new ValidationError(where, row, f.heading(), raw, "OV-AA-LABEL", message));
        return null;
    }

    private static LocalDate date(String heading, String shown, String where, int row, LocalDate notAfter, List<ValidationError> errors) {
        LocalDate value;
        try {
            value = shown.length() == 10 && shown.charAt(4) == '-' ? LocalDate.parse(shown) : LocalDate.parse(shown, DMY);
        } catch (DateTimeParseException e) {
            errors.add(new ValidationError(where, row, heading, shown, "OV-AA-DATE", "Not a real date in the form dd/mm/yyyy"));
            return null;
        }
        if (value.isBefore(EARLIEST) || (notAfter != null && value.isAfter(notAfter))) {
            errors.add(new ValidationError(where, row, heading, shown, "OV-AA-DATE-RANGE",
                    "The date is outside the possible range (after 01/01/1990 and not after " + org.oversight.shared.Dates.format(notAfter) + ")"));
            return null;
        }
        return value;
    }

    /**
     * Each child's details (gender, ethnicity, birth date, disability) from all its rows. A child whose details differ
     * between rows is an error on the later row, and all its rows are left out.
     */
    private static Map<String, Map<String, Object>> persons(Map<Integer, List<Item>> items, ErrorList errors, int[] rejected) {
        Map<String, Map<String, Object>> persons = new LinkedHashMap<>();
        Map<String, Map<String, Item>> from = new HashMap<>();
        Set<String> conflicting = new java.util.HashSet<>();
        for (List<Item> list : items.values()) {
            for (Item i : list) {
                Map<String, Object> p = persons.computeIfAbsent(i.child(), k -> new HashMap<>());
                Map<String, Item> src = from.computeIfAbsent(i.child(), k -> new HashMap<>());
                for (String key : List.of("sex", "ethnicity", "dob")) {
                    Object v = i.values().get(key);
                    if (v == null) {
                        continue;
                    }
                    Object had = p.putIfAbsent(key, v);
                    if (had == null) {
                        src.put(key, i);
                    } else if (!had.equals(v)) {
                        Item first = src.get(key);
                        String heading = key.equals("sex") ? GENDER : key.equals("ethnicity") ? ETHNICITY : DOB;
                        errors.add(new ValidationError(i.sheet(), i.row(), heading, v instanceof LocalDate d ? org.oversight.shared.Dates.format(d) : v.toString(),
                                "OV-AA-CONFLICT", "Child " + i.child() + " has another " + heading.toLowerCase(Locale.ROOT) + " in " + first.sheet() + " row "
                                + first.row() + ": a child's details must be the same in every list"));
                        conflicting.add(i.child());
                    }
                }
                if ("Y".equals(i.values().get("disabled"))) {
                    p.put("disabled", "Y");
                }
            }
        }
        for (String c : conflicting) {
            persons.remove(c);
            rejected[0] += (int) items.values().stream().flatMap(List::stream).filter(i -> i.child().equals(c)).count();
        }
        return persons;
    }

    /** A row of a table, filled by field name. */
    private static final class Row {
        final SsdSchema.Table table;
        final String[] values;

        Row(String table) {
            this.table = SsdSchema.get().table(table);
            this.values = new String[this.table.columns().size()];
        }

        Row set(String field, Object value) {
            values[table.index(field)] = value == null ? null : value instanceof String s && s.isBlank() ? null : value.toString();
            return this;
        }

        void into(SsdData data) {
            data.add(table.name(), values);
        }
    }

    private static final Comparator<Item> BY_DATE_ROW = Comparator.comparing((Item i) -> i.row());

    /** The good rows as rows of the store's tables, with the made-up ids (see the class comment). */
    static SsdData toSsd(Map<Integer, List<Item>> items, Map<String, Map<String, Object>> persons) {
        SsdData data = new SsdData();
        Map<String, Map<Integer, List<Item>>> byChild = new LinkedHashMap<>();
        items.forEach((n, list) -> list.forEach(i -> {
            if (persons.containsKey(i.child())) {
                byChild.computeIfAbsent(i.child(), k -> new LinkedHashMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(i);
            }
        }));
        for (var e : byChild.entrySet()) {
            String id = e.getKey();
            Map<String, Object> p = persons.get(id);
            new Row("ssd_person").set("pers_person_id", id).set("pers_sex", p.get("sex")).set("pers_ethnicity", p.get("ethnicity"))
                    .set("pers_dob", p.get("dob")).into(data);
            if ("Y".equals(p.get("disabled"))) {
                new Row("ssd_disability").set("disa_table_id", id + "-D1").set("disa_person_id", id).set("disa_disability_code", DISABILITY_CODE).into(data);
            }
            Map<Integer, List<Item>> lists = e.getValue();
            child(id, lists, data);
        }
        return data;
    }

    private static List<Item> sorted(Map<Integer, List<Item>> lists, int n, String dateKey) {
        return lists.getOrDefault(n, List.of()).stream()
                .sorted(Comparator.comparing((Item i) -> i.date(dateKey), Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BY_DATE_ROW))
                .toList();
    }

    private static void child(String id, Map<Integer, List<Item>> lists, SsdData data) {
        int k = 0;
        for (Item c : sorted(lists, 1, "date")) {
            String[] source = (String[]) c.values().get("source");
            new Row("ssd_contacts").set("cont_contact_id", id + "-K" + ++k).set("cont_person_id", id).set("cont_contact_date", c.date("date"))
                    .set("cont_contact_source_code", source == null ? null : source[0]).set("cont_contact_source_desc", source == null ? null : source[1])
                    .into(data);
        }
        int eh = 0;
        for (Item c : sorted(lists, 2, "start")) {
            new Row("ssd_early_help_episodes").set("earl_episode_id", id + "-E" + ++eh).set("earl_person_id", id)
                    .set("earl_episode_start_date", c.date("start")).set("earl_episode_end_date", c.date("end"))
                    .set("earl_episode_organisation", c.text("organisation")).into(data);
        }
        // CIN episodes: list 3's referrals and list 6's episodes, one episode per date
        Map<LocalDate, Item[]> episodes = new java.util.TreeMap<>();
        for (Item r : lists.getOrDefault(3, List.of())) {
            episodes.computeIfAbsent(r.date("date"), d -> new Item[2])[0] = r;
        }
        for (Item r : lists.getOrDefault(6, List.of())) {
            episodes.computeIfAbsent(r.date("date"), d -> new Item[2])[1] = r;
        }
        List<LocalDate> starts = new ArrayList<>(episodes.keySet());
        Map<LocalDate, String> episodeIds = new HashMap<>();
        int n = 0;
        int w = 0;
        for (var ep : episodes.entrySet()) {
            String referral = id + "-R" + ++n;
            episodeIds.put(ep.getKey(), referral);
            Item l3 = ep.getValue()[0];
            Item l6 = ep.getValue()[1];
            String[] source = l3 == null ? null : (String[]) l3.values().get("source");
            new Row("ssd_cin_episodes").set("cine_referral_id", referral).set("cine_person_id", id).set("cine_referral_date", ep.getKey())
                    .set("cine_referral_source_code", source == null ? null : source[0]).set("cine_referral_source_desc", source == null ? null : source[1])
                    .set("cine_referral_nfa", l3 == null ? null : l3.text("nfa")).set("cine_referral_team", l3 == null ? null : l3.text("team"))
                    .set("cine_referral_worker_id", l3 == null ? null : l3.text("worker"))
                    .set("cine_cin_primary_need_code", l6 == null ? null : l6.text("need")).set("cine_close_date", l6 == null ? null : l6.date("closed"))
                    .set("cine_close_reason", l6 == null ? null : l6.text("reason")).into(data);
            if (l6 != null && l6.date("seen") != null) {
                new Row("ssd_cin_visits").set("cinv_cin_visit_id", referral + "-SV1").set("cinv_person_id", id).set("cinv_cin_visit_date", l6.date("seen"))
                        .set("cinv_cin_visit_seen", "Y").into(data);
            }
            if (l6 != null && (l6.text("team") != null || l6.text("worker") != null)) {
                new Row("ssd_involvements").set("invo_involvements_id", referral + "-W" + ++w).set("invo_person_id", id).set("invo_referral_id", referral)
                        .set("invo_professional_id", l6.text("worker")).set("invo_professional_team", l6.text("team"))
                        .set("invo_involvement_start_date", ep.getKey()).set("invo_involvement_end_date", l6.date("closed")).into(data);
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        for (Item a : sorted(lists, 4, "start")) {
            String aid = item(id, episode(starts, episodeIds, a.date("start")), "A", counters);
            String support = a.text("support");
            new Row("ssd_cin_assessments").set("cina_assessment_id", aid).set("cina_person_id", id)
                    .set("cina_referral_id", episode(starts, episodeIds, a.date("start"))).set("cina_assessment_start_date", a.date("start"))
                    .set("cina_assessment_child_seen", a.text("seen")).set("cina_assessment_auth_date", a.date("authorised"))
                    .set("cina_assessment_outcome_nfa", support == null ? null : support.equals("Y") ? "N" : "Y")
                    .set("cina_assessment_team", a.text("team")).set("cina_assessment_worker_id", a.text("worker")).into(data);
        }
        for (Item s : sorted(lists, 5, "start")) {
            String referral = episode(starts, episodeIds, s.date("start"));
            String sid = item(id, referral, "S", counters);
            new Row("ssd_s47_enquiry").set("s47e_s47_enquiry_id", sid).set("s47e_referral_id", referral).set("s47e_person_id", id)
                    .set("s47e_s47_start_date", s.date("start")).set("s47e_icpc_not_required", s.text("icpcNotRequired"))
                    .set("s47e_s47_completed_by_team", s.text("team")).set("s47e_s47_completed_by_worker_id", s.text("worker")).into(data);
            if (s.date("icpc") != null || s.text("icpcPlan") != null) {
                new Row("ssd_initial_cp_conference").set("icpc_icpc_id", sid + "-C").set("icpc_s47_enquiry_id", sid).set("icpc_person_id", id)
                        .set("icpc_referral_id", referral).set("icpc_icpc_date", s.date("icpc")).set("icpc_icpc_outcome_cp_flag", s.text("icpcPlan"))
                        .into(data);
            }
        }
        for (Item c : sorted(lists, 7, "start")) {
            String referral = episode(starts, episodeIds, c.date("start"));
            String pid = item(id, referral, "CP", counters);
            new Row("ssd_cp_plans").set("cppl_cp_plan_id", pid).set("cppl_referral_id", referral).set("cppl_person_id", id)
                    .set("cppl_cp_plan_start_date", c.date("start")).set("cppl_cp_plan_end_date", c.date("end"))
                    .set("cppl_cp_plan_initial_category", c.text("initial")).set("cppl_cp_plan_latest_category", c.text("latest"))
                    .set("cppl_number_of_previous_cpp", c.text("previous")).into(data);
            if (c.date("visit") != null) {
                new Row("ssd_cp_visits").set("cppv_cp_visit_id", pid + "-SV1").set("cppv_person_id", id).set("cppv_cp_plan_id", pid)
                        .set("cppv_cp_visit_date", c.date("visit")).set("cppv_cp_visit_seen_alone", c.text("alone")).into(data);
            }
            if (c.date("review") != null) {
                new Row("ssd_cp_reviews").set("cppr_cp_review_id", pid + "-V1").set("cppr_person_id", id).set("cppr_cp_plan_id", pid)
                        .set("cppr_cp_review_date", c.date("review")).into(data);
            }
            if (c.text("team") != null || c.text("worker") != null) {
                new Row("ssd_involvements").set("invo_involvements_id", pid + "-W1").set("invo_person_id", id).set("invo_referral_id", referral)
                        .set("invo_professional_id", c.text("worker")).set("invo_professional_team", c.text("team"))
                        .set("invo_involvement_start_date", c.date("start")).set("invo_involvement_end_date", c.date("end")).into(data);
            }
        }
    }

    /** The child's latest CIN episode begun by the date, or null. */
    private static String episode(List<LocalDate> starts, Map<LocalDate, String> ids, LocalDate date) {
        String found = null;
        for (LocalDate s : starts) {
            if (date != null && !s.isAfter(date)) {
                found = ids.get(s);
            }
        }
        return found;
    }

    /** {@code <referral>-A1}, or {@code <child>-A1} when the item belongs to no episode: numbered within its parent. */
    private static String item(String child, String referral, String letter, Map<String, Integer> counters) {
        String parent = referral == null ? child : referral;
        return parent + "-" + letter + counters.merge(parent + "-" + letter, 1, Integer::sum);
    }

    private static String normal(String heading) {
        return heading == null ? "" : heading.toLowerCase(Locale.ROOT).replace('\u2018', '\'').replace('\u2019', '\'').replace('\u00a0', ' ')
                .replaceAll("[^a-z0-9/?']+", " ").trim();
    }
}
