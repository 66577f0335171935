package org.oversight.childdata.persistence;

import java.time.LocalDate;
import java.util.Comparator;

import org.oversight.childdata.journey.ChildJourneys.Assessment;
import org.oversight.childdata.journey.ChildJourneys.CinPlan;
import org.oversight.childdata.journey.ChildJourneys.Conference;
import org.oversight.childdata.journey.ChildJourneys.Contact;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.CpReview;
import org.oversight.childdata.journey.ChildJourneys.EarlyHelp;
import org.oversight.childdata.journey.ChildJourneys.Involvement;
import org.oversight.childdata.journey.ChildJourneys.Person;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.childdata.journey.ChildJourneys.Section47;
import org.oversight.childdata.journey.ChildJourneys.Team;
import org.oversight.childdata.journey.ChildJourneys.Visit;
import org.oversight.childdata.journey.ChildJourneys.Worker;

/**
 * The order of each list of a journey: by child, then the row's date, then its id (persons, workers and teams by id),
 * what the queries' {@code ORDER BY} gave before the rows were sorted in Java. Text is compared by Unicode code point
 * (the byte order of UTF-8: PostgreSQL's {@code C} and {@code C.UTF-8} collations, the embedded server's), whatever
 * the database's collation; a missing date or text comes last, as PostgreSQL's ascending order puts NULL.
 */
final class JourneyOrder {

    static final Comparator<Person> PERSONS = (a, b) -> text(a.id(), b.id());
    static final Comparator<Contact> CONTACTS = (a, b) -> byChild(a.person(), b.person(), a.date(), b.date(), a.id(), b.id());
    static final Comparator<EarlyHelp> EARLY_HELP = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    static final Comparator<Referral> REFERRALS = (a, b) -> byChild(a.person(), b.person(), a.date(), b.date(), a.id(), b.id());
    static final Comparator<Assessment> ASSESSMENTS = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    static final Comparator<Section47> SECTION_47S = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    static final Comparator<Conference> CONFERENCES = (a, b) -> byChild(a.person(), b.person(), a.date(), b.date(), a.id(), b.id());
    static final Comparator<CinPlan> CIN_PLANS = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    static final Comparator<CpPlan> CP_PLANS = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    /** Child in need and child protection visits together, by child, date and id. */
    static final Comparator<Visit> VISITS = (a, b) -> byChild(a.person(), b.person(), a.date(), b.date(), a.id(), b.id());
    /** By the date the review was held (not the date it was due). */
    static final Comparator<CpReview> CP_REVIEWS = (a, b) -> byChild(a.person(), b.person(), a.date(), b.date(), a.id(), b.id());
    static final Comparator<Involvement> INVOLVEMENTS = (a, b) -> byChild(a.person(), b.person(), a.start(), b.start(), a.id(), b.id());
    static final Comparator<Worker> WORKERS = (a, b) -> text(a.id(), b.id());
    static final Comparator<Team> TEAMS = (a, b) -> text(a.id(), b.id());

    private JourneyOrder() {
    }

    static int byChild(String person, String otherPerson, LocalDate date, LocalDate otherDate, String id, String otherId) {
        int c = text(person, otherPerson);
        if (c != 0) {
            return c;
        }
        c = date(date, otherDate);
        return c != 0 ? c : text(id, otherId);
    }

    /** Ascending, a missing date last. */
    static int date(LocalDate a, LocalDate b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }

    /**
     * By Unicode code point, a missing text last. {@link String#compareTo} compares UTF-16 units, which puts a character
     * beyond U+FFFF (a surrogate pair, U+D800 to U+DFFF) before U+E000 to U+FFFF; here the units are shifted so that the
     * pair comes after them, as its code point does.
     */
    static int text(String a, String b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        if (b == null) {
            return -1;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /** A UTF-16 unit's place in code point order: surrogates after U+E000 to U+FFFF, the rest where they are. */
    private static int codePointRank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
