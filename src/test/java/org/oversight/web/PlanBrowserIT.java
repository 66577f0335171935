package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanBrowserIT extends BrowserTest {

    @Test
    void aManagerGoesFromAFindingToAPlanItemToAnActionWithEvidenceToACommitteeReport() {
        signIn("col.manager");
        open("/local-authorities/80450");
        // The record lists the newest first: the 2018 care leavers visit, not one another test recorded.
        clickAndWait(By.xpath("//table[@id='activity-table']//tr[contains(., '24 October 2018')]//a[text()='Focused visit']"));
        clickAndWait(By.id("activity-plans"));
        assertThat(driver.findElement(By.id("finding-items")).getText()).contains("Risk assessments to more clearly articulate");
        assertAccessible("plan-findings");

        driver.findElement(By.id("title")).clear();
        driver.findElement(By.id("title")).sendKeys("Care leavers service improvement plan");
        clickAndWait(By.id("create-plan"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Care leavers service improvement plan");
        assertThat(text()).contains("Answers the finding:").contains("Risk assessments to more clearly articulate");
        assertAccessible("plan");

        clickAndWait(By.partialLinkText("Add an action"));
        clickAndWait(By.id("save-action"));
        String errors = driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(errors).contains("Enter what will be done").contains("Select who owns the action").contains("Enter the date the action is due");
        assertAccessible("action-form-errors");

        driver.findElement(By.id("description")).sendKeys("Risk assessment workshops for every personal adviser");
        new Select(driver.findElement(By.id("ownerId"))).selectByVisibleText("Sam Social (City of London, social worker)");
        driver.findElement(By.id("dueDate-day")).sendKeys("31");
        driver.findElement(By.id("dueDate-month")).sendKeys("3");
        driver.findElement(By.id("dueDate-year")).sendKeys("2099");
        driver.findElement(By.id("measureName")).sendKeys("Risk assessments that say how risk is reduced (%)");
        driver.findElement(By.id("baseline")).sendKeys("40");
        driver.findElement(By.id("target")).sendKeys("90");
        clickAndWait(By.id("save-action"));
        String plan = text();
        assertThat(plan).contains("Action added").contains("Risk assessment workshops").contains("Sam Social").contains("31 March 2099");
        assertThat(plan).contains("Baseline 40, target 90, now \u2014: 50 from target");

        clickAndWait(By.partialLinkText("Update progress or add evidence"));
        assertAccessible("progress");
        new Select(driver.findElement(By.id("status"))).selectByVisibleText("On track");
        driver.findElement(By.id("note")).sendKeys("First two workshops held");
        driver.findElement(By.id("value")).sendKeys("55");
        clickAndWait(By.id("save-progress"));
        assertThat(text()).contains("Progress recorded").contains("now 55: 35 from target").contains("First two workshops held");

        clickAndWait(By.partialLinkText("Update progress or add evidence"));
        driver.findElement(By.id("evidenceDescription")).sendKeys("Workshop attendance register");
        driver.findElement(By.id("url")).sendKeys("https://intranet.example/workshops");
        clickAndWait(By.id("add-evidence"));
        assertThat(text()).contains("Evidence added").contains("Evidence: Workshop attendance register");

        clickAndWait(By.id("committee-report"));
        assertAccessible("committee-report");
        driver.findElement(By.id("subject")).clear();
        driver.findElement(By.id("subject")).sendKeys("Ofsted Focused Visit October 2018");
        clickAndWait(By.id("generate-report"));
        assertThat(text()).contains("Committee report generated");
        assertThat(driver.findElement(By.id("version-table")).getText()).contains("1").contains("Rachel Green (City of London, head of quality and performance)").doesNotContain("col.manager");
        String pdf = driver.findElement(By.partialLinkText("PDF")).getAttribute("href");
        assertThat(pdf).matches(".*/committee-reports/[0-9a-f-]{36}\\.pdf");
        String html = driver.findElement(By.partialLinkText("HTML")).getAttribute("href");
        open("/local-authorities/80450/plans");
        assertThat(driver.findElement(By.id("bodies-table")).getText()).contains("Safeguarding Sub Committee").contains("24 June 2020");
        assertAccessible("plans-and-governance");
        driver.findElement(By.id("name")).sendKeys("Corporate Parenting Committee");
        clickAndWait(By.id("add-body"));
        assertThat(driver.findElement(By.id("bodies-table")).getText()).contains("Corporate Parenting Committee");
        driver.get(html);
        assertThat(text()).contains("Ofsted Focused Visit October 2018").contains("Risk assessment workshops");
    }
}
