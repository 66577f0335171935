package org.oversight.childdata.cin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.childdata.cin.CinCensus.PreProceedings;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

/**
 * Writes a CIN census as DfE's XML ({@code Message/Header}, {@code Message/Children/Child}), elements in the schema's
 * order, indented, UTF-8; a field that is null is left out. {@link CinCensusReader} reads the result back to an equal
 * {@link CinCensus}. Children can be written one at a time ({@link #open}), so a census of any size needs memory for
 * one child.
 */
public final class CinCensusWriter implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter x;
    private int depth;

    private CinCensusWriter(OutputStream out) throws XMLStreamException {
        this.x = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
    }

    /** Writes a whole census. */
    public static void write(CinCensus census, OutputStream out) throws IOException {
        try (CinCensusWriter w = open(census.header(), out)) {
            for (Child c : census.children()) {
                w.child(c);
            }
        }
    }

    /** Starts a file: the declaration, the header and the opening of {@code Children}. */
    public static CinCensusWriter open(Header header, OutputStream out) throws IOException {
        try {
            CinCensusWriter w = new CinCensusWriter(out);
            w.x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.start("Message");
            w.header(header == null ? Header.EMPTY : header);
            w.start("Children");
            return w;
        } catch (XMLStreamException e) {
            throw new IOException("Could not write the CIN census: " + e.getMessage(), e);
        }
    }

    /** Writes one child. */
    public void child(Child c) throws IOException {
        try {
            start("Child");
            start("ChildIdentifiers");
            leaf("LAchildID", c.laChildId());
            leaf("UPN", c.upn());
            leaf("FormerUPN", c.formerUpn());
            leaf("UPNunknown", c.upnUnknown());
            leaf("PersonBirthDate", c.personBirthDate());
            leaf("ExpectedPersonBirthDate", c.expectedPersonBirthDate());
            leaf("GenderCurrent", c.genderCurrent());
            leaf("Sex", c.sex());
            leaf("PersonDeathDate", c.personDeathDate());
            end();
            start("ChildCharacteristics");
            leaf("Ethnicity", c.ethnicity());
            if (!c.disabilities().isEmpty()) {
                start("Disabilities");
                for (String d : c.disabilities()) {
                    item("Disability", d);
                }
                end();
            }
            end();
            for (CinDetails e : c.cinDetails()) {
                cinDetails(e);
            }
            end();
        } catch (XMLStreamException e) {
            throw new IOException("Could not write child " + c.laChildId() + ": " + e.getMessage(), e);
        }
    }

    /** Closes {@code Children} and {@code Message} and flushes; the output stream stays open. */
    @Override
    public void close() throws IOException {
        try {
            while (depth > 0) {
                end();
            }
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("Could not finish the CIN census: " + e.getMessage(), e);
        }
    }

    private void header(Header h) throws XMLStreamException {
        start("Header");
        if (h.collection() != null || h.year() != null || h.referenceDate() != null) {
            start("CollectionDetails");
            leaf("Collection", h.collection());
            leaf("Year", h.year());
            leaf("ReferenceDate", h.referenceDate());
            end();
        }
        if (h.sourceLevel() != null || h.lea() != null || h.softwareCode() != null || h.release() != null
                || h.serialNo() != null || h.dateTime() != null) {
            start("Source");
            leaf("SourceLevel", h.sourceLevel());
            leaf("LEA", h.lea());
            leaf("SoftwareCode", h.softwareCode());
            leaf("Release", h.release());
            leaf("SerialNo", h.serialNo());
            leaf("DateTime", h.dateTime());
            end();
        }
        end();
    }

    private void cinDetails(CinDetails e) throws XMLStreamException {
        start("CINdetails");
        leaf("CINreferralDate", e.referralDate());
        leaf("ReferralSource", e.referralSource());
        leaf("PrimaryNeedCode", e.primaryNeedCode());
        leaf("CINclosureDate", e.closureDate());
        leaf("ReasonForClosure", e.reasonForClosure());
        leaf("DateOfInitialCPC", e.dateOfInitialCpc());
        for (Assessment a : e.assessments()) {
            start("Assessments");
            leaf("AssessmentActualStartDate", a.actualStartDate());
            leaf("AssessmentInternalReviewDate", a.internalReviewDate());
            leaf("AssessmentAuthorisationDate", a.authorisationDate());
            if (!a.factors().isEmpty()) {
                start("FactorsIdentifiedAtAssessment");
                for (String f : a.factors()) {
                    item("AssessmentFactors", f);
                }
                end();
            }
            end();
        }
        for (CinPlan p : e.cinPlans()) {
            start("CINPlanDates");
            leaf("CINPlanStartDate", p.startDate());
            leaf("CINPlanEndDate", p.endDate());
            end();
        }
        for (Section47 s : e.section47s()) {
            start("Section47");
            leaf("S47ActualStartDate", s.actualStartDate());
            leaf("InitialCPCtarget", s.initialCpcTarget());
            leaf("DateOfInitialCPC", s.dateOfInitialCpc());
            leaf("ICPCnotRequired", s.icpcNotRequired());
            end();
        }
        leaf("ReferralNFA", e.referralNfa());
        for (ProtectionPlan p : e.protectionPlans()) {
            start("ChildProtectionPlans");
            leaf("CPPstartDate", p.startDate());
            leaf("CPPendDate", p.endDate());
            leaf("InitialCategoryOfAbuse", p.initialCategoryOfAbuse());
            leaf("LatestCategoryOfAbuse", p.latestCategoryOfAbuse());
            leaf("NumberOfPreviousCPP", p.numberOfPreviousCpp());
            if (!p.reviewDates().isEmpty()) {
                start("Reviews");
                for (CinDate r : p.reviewDates()) {
                    item("CPPreviewDate", r.text());
                }
                end();
            }
            end();
        }
        for (PreProceedings p : e.preProceedings()) {
            start("PreProceedingsandFGDM");
            leaf("PPStartDate", p.ppStartDate());
            leaf("LBPSentDate", p.lbpSentDate());
            leaf("FGDMMeetingOffer", p.fgdmMeetingOffer());
            leaf("FGDMMeetingFac", p.fgdmMeetingFac());
            leaf("InitialPPMeetingDate", p.initialPpMeetingDate());
            leaf("ReviewMeetingsCount", p.reviewMeetingsCount());
            leaf("StepDecisionDate", p.stepDecisionDate());
            leaf("PPOutcome", p.ppOutcome());
            leaf("CourtAppDate", p.courtAppDate());
            leaf("LetterInitCPDate", p.letterInitCpDate());
            end();
        }
        end();
    }

    private void indent() throws XMLStreamException {
        x.writeCharacters("\n");
        for (int i = 0; i < depth; i++) {
            x.writeCharacters("  ");
        }
    }

    private void start(String name) throws XMLStreamException {
        indent();
        x.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        x.writeEndElement();
    }

    private void leaf(String name, Object value) throws XMLStreamException {
        if (value != null) {
            item(name, value.toString());
        }
    }

    private void item(String name, String text) throws XMLStreamException {
        indent();
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    /** The census as XML text (for small censuses and tests). */
    public static String toXml(CinCensus census) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(census, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
