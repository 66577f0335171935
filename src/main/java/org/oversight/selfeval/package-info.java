/**
 * The self-evaluation of social work practice and the annual engagement meeting (issue 21): per LA and year, one
 * section per ILACS judgement area answering the three questions (what we know about the quality and impact of
 * practice, how we know it, what we plan), written by named authors beside the evidence Oversight holds for the area,
 * which they cite (frozen as it stood on the day); versions, comments, a check for claims without evidence and claims
 * the evidence contradicts, sign-off by the LA's director of children's services, DOCX/PDF/HTML outputs, a read-only
 * share with a named Ofsted inspector, and the engagement meeting whose agreed actions become plan items.
 *
 * <p>It reads the other modules only through their published read interfaces: {@code compliance.ComplianceMeasures},
 * {@code audit.AuditFigures}, {@code voice.VoiceService#views}, {@code improvement.PlanFigures} and
 * {@code improvement.PlanService} (items from agreed actions), {@code inspection.InspectionService}; nothing depends
 * on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Self-evaluation",
        allowedDependencies = {"shared", "access", "register", "inspection", "inspection :: domain", "compliance", "audit", "voice",
                "improvement"})
package org.oversight.selfeval;
